package org.libreconnect.simulator.dmp.soap;

import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The WS-Addressing headers of a request (dmp.md §1.3); MessageID, Action and ReplyTo are
 * required.
 *
 * @param messageId the request's MessageID, echoed in the answer's RelatesTo
 * @param action the request's Action (any value is accepted: dispatch is on the body root)
 */
public record Addressing(String messageId, String action) {

  /** Reads the headers from {@code header} (may be null when the envelope has none). */
  public static Addressing read(Element header) {
    Optional<String> messageId = header == null
        ? Optional.empty()
        : Xml.childText(header, Namespaces.WSA, "MessageID");
    Optional<String> action = header == null
        ? Optional.empty()
        : Xml.childText(header, Namespaces.WSA, "Action");
    boolean replyTo = header != null && Xml.child(header, Namespaces.WSA, "ReplyTo").isPresent();
    if (messageId.isEmpty() || action.isEmpty() || !replyTo) {
      throw new DmpException(DmpError.ADDRESSING_HEADER_REQUIRED);
    }
    return new Addressing(messageId.get(), action.get());
  }

  /** The MessageID of {@code header} when it has one, for answering a request refused early. */
  public static Optional<String> messageIdOf(Element header) {
    return header == null ? Optional.empty() : Xml.childText(header, Namespaces.WSA, "MessageID");
  }
}
