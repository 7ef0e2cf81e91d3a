package org.libreconnect.simulator.dmp.soap;

import java.util.Locale;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Builds SOAP 1.2 answer envelopes with the DMP's WS-Addressing headers (dmp.md §1.3). */
public final class SoapEnvelopes {
  /** The Action of fault answers. */
  public static final String FAULT_ACTION = "http://www.w3.org/2005/08/addressing/soap/fault";

  private SoapEnvelopes() {}

  /** An answer carrying {@code content} (imported) with Action, MessageID, To, RelatesTo. */
  public static Document answer(String action, String relatesTo, Node content) {
    Document document = Xml.newDocument();
    Element body = skeleton(document, action, relatesTo);
    body.appendChild(document.importNode(content, true));
    return document;
  }

  /**
   * A SOAP 1.2 fault: {@code Code} Sender (or Receiver), an optional {@code Subcode} whose value
   * is {@code prefix:local} (prefix "soap" or "wsa", both declared on the envelope) and a French
   * {@code Reason}.
   */
  public static Document fault(
      String relatesTo, boolean receiver, String subcodePrefix, String subcode, String reason) {
    Document document = Xml.newDocument();
    Element body = skeleton(document, FAULT_ACTION, relatesTo);
    XmlWriter soap = new XmlWriter(document, Namespaces.SOAP12, "soap");
    Element fault = soap.add(body, "Fault");
    Element code = soap.add(fault, "Code");
    soap.text(code, "Value", receiver ? "soap:Receiver" : "soap:Sender");
    if (subcode != null) {
      soap.text(soap.add(code, "Subcode"), "Value", subcodePrefix + ":" + subcode);
    }
    Element text = soap.text(soap.add(fault, "Reason"), "Text", reason);
    text.setAttributeNS(Namespaces.XML, "xml:lang", Locale.FRENCH.getLanguage());
    return document;
  }

  private static Element skeleton(Document document, String action, String relatesTo) {
    XmlWriter soap = new XmlWriter(document, Namespaces.SOAP12, "soap");
    XmlWriter wsa = new XmlWriter(document, Namespaces.WSA, "wsa");
    Element envelope = soap.element("Envelope");
    envelope.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsa", Namespaces.WSA);
    document.appendChild(envelope);
    Element header = soap.add(envelope, "Header");
    wsa.text(header, "Action", action);
    wsa.text(header, "MessageID", "urn:uuid:" + UUID.randomUUID());
    wsa.text(header, "To", Namespaces.WSA_ANONYMOUS);
    if (relatesTo != null) {
      wsa.text(header, "RelatesTo", relatesTo);
    }
    return soap.add(envelope, "Body");
  }
}
