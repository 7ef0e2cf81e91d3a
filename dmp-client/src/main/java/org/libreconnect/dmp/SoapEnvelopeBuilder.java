package org.libreconnect.dmp;

import java.util.UUID;
import java.util.function.Function;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds a DMP request envelope (dmp.md §1.3): SOAP 1.2 with the WS-Addressing headers of the
 * official examples ({@code MessageID}, empty {@code To}, {@code ReplyTo} anonymous and {@code
 * Action}, both must-understand) and a {@code wsse:Security} header holding the VIHF alone.
 */
public final class SoapEnvelopeBuilder {
  private static final String ANONYMOUS = "http://www.w3.org/2005/08/addressing/anonymous";

  /**
   * A new envelope for {@code action}; {@code vihf} and {@code body} create their elements in the
   * envelope's document.
   */
  public Document build(String action, Function<Document, Element> vihf, Function<Document, Element> body) {
    Document document = Xml.newDocument();
    Element envelope = Xml.add(document, Ns.SOAP12, "soap:Envelope");
    envelope.setAttributeNS(Ns.XMLNS, "xmlns:wsa", Ns.WSA);
    Element header = Xml.add(envelope, Ns.SOAP12, "soap:Header");
    Xml.add(header, Ns.WSA, "wsa:MessageID", "urn:uuid:" + UUID.randomUUID());
    Xml.add(header, Ns.WSA, "wsa:To");
    Element replyTo = Xml.add(header, Ns.WSA, "wsa:ReplyTo");
    replyTo.setAttributeNS(Ns.SOAP12, "soap:mustUnderstand", "true");
    Xml.add(replyTo, Ns.WSA, "wsa:Address", ANONYMOUS);
    Element actionElement = Xml.add(header, Ns.WSA, "wsa:Action", action);
    actionElement.setAttributeNS(Ns.SOAP12, "soap:mustUnderstand", "true");
    Element security = Xml.add(header, Ns.WSSE, "wsse:Security");
    security.appendChild(vihf.apply(document));
    Element soapBody = Xml.add(envelope, Ns.SOAP12, "soap:Body");
    soapBody.appendChild(body.apply(document));
    return document;
  }
}
