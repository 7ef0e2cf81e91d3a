package org.libreconnect.dmp.transport;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Document;

/**
 * One DMP call: the SOAP 1.2 envelope (WS-Addressing and VIHF headers included) for a service
 * endpoint, with its MTOM attachments.
 *
 * @param transaction the transaction name for logs and dumps, such as {@code TD0.2}
 * @param endpoint the service URL, such as {@code https://…/si-dmp-server/v2/services/patients}
 * @param action the WS-Addressing action, also sent in the content type
 * @param envelope the whole envelope
 * @param attachments MTOM parts; non-empty means the request goes as multipart/related
 */
public record SoapRequest(
    String transaction, URI endpoint, String action, Document envelope, List<Attachment> attachments) {
  public SoapRequest {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(envelope, "envelope");
    attachments = List.copyOf(attachments);
  }

  @Override
  public String toString() {
    return "SoapRequest[" + transaction + " " + endpoint + ", " + attachments.size() + " attachments]";
  }
}
