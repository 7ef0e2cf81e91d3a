package org.libreconnect.simulator.dmp;

import java.util.UUID;

/** Builds SOAP 1.2 request envelopes with the WS-Addressing headers and the VIHF (dmp.md §1.3). */
final class Envelope {
  private String messageId = "urn:uuid:" + UUID.randomUUID();
  private String action;
  private boolean replyTo = true;
  private String security;
  private final String body;

  private Envelope(String action, String security, String body) {
    this.action = action;
    this.security = security;
    this.body = body;
  }

  static Envelope of(String action, String vihf, String body) {
    return new Envelope(action, vihf, body);
  }

  Envelope messageId(String value) {
    this.messageId = value;
    return this;
  }

  Envelope action(String value) {
    this.action = value;
    return this;
  }

  Envelope withoutReplyTo() {
    this.replyTo = false;
    return this;
  }

  Envelope withoutSecurity() {
    this.security = null;
    return this;
  }

  String messageId() {
    return messageId;
  }

  String xml() {
    StringBuilder xml = new StringBuilder(
        "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><s:Header>");
    if (messageId != null) {
      xml.append("<wsa:MessageID>").append(messageId).append("</wsa:MessageID>");
    }
    xml.append("<wsa:To/>");
    if (replyTo) {
      xml.append("<wsa:ReplyTo s:mustUnderstand=\"true\"><wsa:Address>")
          .append("http://www.w3.org/2005/08/addressing/anonymous</wsa:Address></wsa:ReplyTo>");
    }
    if (action != null) {
      xml.append("<wsa:Action s:mustUnderstand=\"true\">").append(action)
          .append("</wsa:Action>");
    }
    if (security != null) {
      xml.append("<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/"
          + "oasis-200401-wss-wssecurity-secext-1.0.xsd\">").append(security)
          .append("</wsse:Security>");
    }
    return xml.append("</s:Header><s:Body>").append(body).append("</s:Body></s:Envelope>")
        .toString();
  }
}
