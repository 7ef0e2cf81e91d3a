package org.libreconnect.simulator.dmp.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The XDS formatCode of a CDA document must follow its body (ANS mapping of XDS metadata,
 * formatCode): a non-XML body (level 1) by its media type (ASS_A12-CorresMediaTypeCDANonStructure-
 * XdsFormatCode-CISIS), a structured body (level 3) by its model templateId
 * (ASS_A11-CorresModeleCDA-XdsFormatCode-CISIS). ASS_A12 is complete here; of ASS_A11 the models
 * of the JS2 structured formats (VSM, CR-BIO, DLU, DLU-FLUDT, DLU-FLUDR): a structured document of
 * another model is not checked.
 */
public final class FormatRules {
  /** ASS_A12: media type of a non-XML body → formatCode. */
  private static final Map<String, String> BY_MEDIA_TYPE = Map.of(
      "application/pdf", "urn:ihe:iti:xds-sd:pdf:2008",
      "text/plain", "urn:ihe:iti:xds-sd:text:2008",
      "text/rtf", "urn:ihe:iti-fr:xds-sd:rtf:2010",
      "image/jpeg", "urn:ihe:iti-fr:xds-sd:jpeg:2010",
      "image/tiff", "urn:ihe:iti-fr:xds-sd:tiff:2010");

  /** ASS_A11 (the JS2 structured formats' models): templateId → formatCode. */
  private static final Map<String, String> BY_MODEL = Map.of(
      "1.2.250.1.213.1.1.1.13", "urn:asip:ci-sis:vsm:2012",
      "1.3.6.1.4.1.19376.1.3.3", "urn:ihe:lab:xd-lab:2008",
      "1.2.250.1.213.1.1.1.55", "urn:ihe:lab:xd-lab:2008",
      "1.2.250.1.213.1.1.1.22", "urn:asip:ci-sis:dlu:2015",
      "1.2.250.1.213.1.1.1.23", "urn:asip:ci-sis:fludt:2017",
      "1.2.250.1.213.1.1.1.24", "urn:asip:ci-sis:fludr:2017");

  private FormatRules() {}

  /** Checks {@code formatCode} of entry {@code id} against its CDA document {@code cda}. */
  public static void check(String id, String formatCode, byte[] cda) {
    Document document;
    try {
      document = Xml.parse(cda);
    } catch (RuntimeException e) {
      return; // the CDA rules have named it already
    }
    Element root = document.getDocumentElement();
    Optional<String> expected = expected(root);
    if (expected.isPresent() && !expected.get().equals(formatCode)) {
      throw new DmpException(DmpError.XDS_REGISTRY_METADATA, "formatCode incohérent avec le corps du document"
          + " CDA (" + expected.get() + " attendu, tables ASS_A11/ASS_A12) (ExtrinsicObject " + id + ")");
    }
  }

  private static Optional<String> expected(Element root) {
    for (Element component : Xml.children(root, Namespaces.HL7, "component")) {
      for (Element nonXml : Xml.children(component, Namespaces.HL7, "nonXMLBody")) {
        for (Element text : Xml.children(nonXml, Namespaces.HL7, "text")) {
          return Optional.of(BY_MEDIA_TYPE.getOrDefault(text.getAttribute("mediaType"), "(type de média inconnu)"));
        }
      }
      if (!Xml.children(component, Namespaces.HL7, "structuredBody").isEmpty()) {
        List<String> models = Xml.children(root, Namespaces.HL7, "templateId").stream()
            .map(t -> t.getAttribute("root")).filter(BY_MODEL::containsKey).toList();
        return models.isEmpty() ? Optional.empty() : Optional.of(BY_MODEL.get(models.get(0)));
      }
    }
    return Optional.empty();
  }
}
