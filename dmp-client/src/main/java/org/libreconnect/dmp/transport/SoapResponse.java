package org.libreconnect.dmp.transport;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A DMP answer that is not a SOAP fault: the envelope and its MTOM parts.
 *
 * @param envelope the whole SOAP envelope
 * @param attachments the MIME parts next to it, empty for plain SOAP
 */
public record SoapResponse(Document envelope, List<Attachment> attachments) {
  public SoapResponse {
    Objects.requireNonNull(envelope, "envelope");
    attachments = List.copyOf(attachments);
  }

  /** The first element inside the SOAP Body. */
  public Element body() {
    return Xml.child(envelope.getDocumentElement(), "Body")
        .flatMap(Xml::firstElement)
        .orElseThrow(() -> new IllegalStateException("the DMP answer has an empty SOAP body"));
  }

  /** The part an {@code xop:Include href="cid:…"} names; Content-IDs may be URL-encoded. */
  public Optional<Attachment> attachment(String href) {
    String wanted = normalise(href);
    return attachments.stream().filter(a -> normalise(a.contentId()).equals(wanted)).findFirst();
  }

  private static String normalise(String id) {
    String value = id.startsWith("cid:") ? id.substring(4) : id;
    value = value.replace("<", "").replace(">", "");
    return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
