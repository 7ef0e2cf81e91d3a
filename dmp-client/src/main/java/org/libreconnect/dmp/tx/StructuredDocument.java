package org.libreconnect.dmp.tx;

import java.util.List;
import org.libreconnect.dmp.cda.CdaSchema;
import org.libreconnect.dmp.codes.DocumentTypes.DocumentType;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A structured CDA document (level 3) an application gives to hl_sendDocument with one of the
 * structured JS2 formats: sent as it is, after the checks the DMP makes on receipt that the
 * connector can make first: well-formed XML without DOCTYPE, valid against {@code
 * CDA_extended.xsd}, a structured body, the templateId of the format's CDA model (ASS_A11), a
 * document id, and a code equal to {@code s_documentCategory} (the XDS typeCode repeats it).
 *
 * @param uniqueId the document's uniqueId: {@code id/@root}, with {@code ^extension} when present
 */
record StructuredDocument(String uniqueId) {
  private static final String CONTENT = "s_fileContentBase64";

  static StructuredDocument check(byte[] content, DocumentFormats.Format format, DocumentType type) {
    Document document;
    try {
      document = Xml.parse(content);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(CONTENT, "must be a CDA R2 document (well-formed XML, no DOCTYPE)"
          + " for i_documentFormat " + format.js2());
    }
    Element root = document.getDocumentElement();
    if (!Ns.HL7.equals(root.getNamespaceURI()) || !"ClinicalDocument".equals(root.getLocalName())) {
      throw new InvalidParameterException(CONTENT, "must be a CDA R2 ClinicalDocument (urn:hl7-org:v3)"
          + " for i_documentFormat " + format.js2());
    }
    List<String> errors = CdaSchema.errors(content);
    if (!errors.isEmpty()) {
      throw new InvalidParameterException(CONTENT, "the CDA document is not valid against CDA_extended.xsd: "
          + errors.size() + " error(s), the first at " + errors.get(0));
    }
    if (Xml.path(root, "component", "structuredBody").isEmpty()) {
      throw new InvalidParameterException(CONTENT, "a structured format needs a CDA structuredBody;"
          + " use i_documentFormat 1 to 5 for a file");
    }
    boolean model = Xml.children(root, "templateId").stream()
        .anyMatch(t -> format.templateId().equals(t.getAttribute("root")));
    if (!model) {
      throw new InvalidParameterException(CONTENT, "i_documentFormat " + format.js2()
          + " needs the CDA model templateId " + format.templateId() + " (" + format.label() + ")");
    }
    Element id = Xml.child(root, "id").orElse(null);
    if (id == null || id.getAttribute("root").isBlank()) {
      throw new InvalidParameterException(CONTENT, "the CDA document needs an id with a root");
    }
    if (!type.typeCode().equals(Xml.attr(root, "code", "code"))) {
      throw new InvalidParameterException("s_documentCategory", "must be the code of the CDA document");
    }
    String extension = id.getAttribute("extension");
    return new StructuredDocument(id.getAttribute("root") + (extension.isBlank() ? "" : "^" + extension));
  }
}
