package org.libreconnect.simulator.dmp.soap;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One SOAP answer: the envelope, the MTOM parts it references and whether it is a fault.
 *
 * @param envelope the SOAP 1.2 envelope
 * @param attachments the parts its {@code xop:Include} elements point to
 * @param fault whether the body is a SOAP Fault (sent with HTTP status 500)
 */
public record DmpResponse(Document envelope, List<Attachment> attachments, boolean fault) {

  public DmpResponse {
    Objects.requireNonNull(envelope, "envelope");
    attachments = List.copyOf(attachments);
  }

  /** The first element inside the SOAP Body. */
  public Element body() {
    Element body =
        Xml.child(envelope.getDocumentElement(), Namespaces.SOAP12, "Body")
            .orElseThrow(() -> new IllegalStateException("no SOAP Body"));
    return Xml.children(body).get(0);
  }

  /** The fault's DMP subcode (such as {@code "DMPVihfInvalid"}), when this is a fault. */
  public Optional<String> faultSubcode() {
    if (!fault) {
      return Optional.empty();
    }
    return Xml.descendant(body(), Namespaces.SOAP12, "Subcode")
        .flatMap(subcode -> Xml.childText(subcode, Namespaces.SOAP12, "Value"))
        .map(value -> value.substring(value.indexOf(':') + 1));
  }

  /** The fault's reason text, when this is a fault. */
  public Optional<String> faultReason() {
    if (!fault) {
      return Optional.empty();
    }
    return Xml.descendant(body(), Namespaces.SOAP12, "Text").map(Xml::text);
  }

  /** The value of the answer's WS-Addressing header {@code local}, such as "Action". */
  public Optional<String> addressingHeader(String local) {
    return Xml.child(envelope.getDocumentElement(), Namespaces.SOAP12, "Header")
        .flatMap(header -> Xml.childText(header, Namespaces.WSA, local));
  }
}
