package org.libreconnect.dmp.tx;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.libreconnect.protocol.command.DmpCommands.DocumentContentAnswer;
import org.libreconnect.protocol.command.DmpCommands.Performer;
import org.libreconnect.protocol.command.DmpCommands.PerformerHp;
import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.errors.DmpAnswerException;
import org.libreconnect.dmp.transport.Attachment;
import org.libreconnect.dmp.transport.SoapResponse;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * TD3.2: retrieve a document (ITI-43, MTOM answer; dmp.md §2.7). The answer's CDA is returned as
 * the file when it is structured; a CDA with a non-XML body (PDF, text) gives back the file it
 * wraps, as clients expect. Headers and performer are read from the CDA.
 */
public final class DocumentRetrieval {
  static final String ACTION = "urn:ihe:iti:2007:RetrieveDocumentSet";

  private DocumentRetrieval() {}

  public static DocumentContentAnswer retrieve(DmpConnector connector, String ins, String uniqueId,
      boolean headers, boolean performer) {
    SoapResponse response = connector.call("TD3.2", "repository", ACTION, ins, document -> {
      Element request = document.createElementNS(Ns.XDSB, "xdsb:RetrieveDocumentSetRequest");
      Element item = Xml.add(request, Ns.XDSB, "xdsb:DocumentRequest");
      Xml.add(item, Ns.XDSB, "xdsb:RepositoryUniqueId", Xds.REPOSITORY);
      Xml.add(item, Ns.XDSB, "xdsb:DocumentUniqueId", uniqueId);
      return request;
    });
    Element answer = response.body();
    RegistryResponses.check(answer);
    Element document = Xml.child(answer, "DocumentResponse").flatMap(d -> Xml.child(d, "Document"))
        .orElseThrow(() -> new DmpAnswerException("TD3.2 answer without a document"));
    byte[] bytes = content(response, document);
    Document cda;
    try {
      cda = Xml.parse(bytes);
    } catch (IllegalArgumentException e) {
      return new DocumentContentAnswer(Base64.getEncoder().encodeToString(bytes), null, 1, null);
    }
    Element root = cda.getDocumentElement();
    Optional<Element> nonXml = Xml.path(root, "component", "nonXMLBody", "text");
    byte[] file = bytes;
    int format = 1;
    if (nonXml.isPresent()) {
      file = Base64.getMimeDecoder().decode(nonXml.get().getTextContent().strip());
      format = DocumentFormats.ofFormatCode("", nonXml.get().getAttribute("mediaType"));
    } else {
      format = DocumentFormats.ofTemplateIds(Xml.children(root, "templateId").stream()
          .map(t -> t.getAttribute("root")).toList()).orElse(1);
    }
    String header = null;
    if (headers) {
      Element copy = (Element) root.cloneNode(true);
      Xml.child(copy, "component").ifPresent(copy::removeChild);
      header = Base64.getEncoder().encodeToString(Xml.toBytes(copy));
    }
    return new DocumentContentAnswer(Base64.getEncoder().encodeToString(file), header, format,
        performer ? performer(root) : null);
  }

  private static byte[] content(SoapResponse response, Element document) {
    Optional<Element> include = Xml.child(document, "Include");
    if (include.isPresent()) {
      String href = include.get().getAttribute("href");
      return response.attachment(href).map(Attachment::content)
          .orElseThrow(() -> new DmpAnswerException("TD3.2 answer names a missing MIME part " + href));
    }
    String text = document.getTextContent().strip();
    try {
      return Base64.getMimeDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }

  private static Performer performer(Element cda) {
    Optional<Element> entity = Xml.path(cda, "documentationOf", "serviceEvent", "performer", "assignedEntity");
    if (entity.isEmpty()) {
      return null;
    }
    Element e = entity.get();
    PerformerHp hp = new PerformerHp(Xml.text(e, "assignedPerson", "name", "family"),
        Xml.text(e, "assignedPerson", "name", "given"), Xml.attr(e, "extension", "id"), 3,
        Xml.attr(e, "code", "code"), Xml.attr(e, "codeSystem", "code"), "",
        Xml.text(e, "representedOrganization", "name"));
    return new Performer(hp, 2);
  }
}
