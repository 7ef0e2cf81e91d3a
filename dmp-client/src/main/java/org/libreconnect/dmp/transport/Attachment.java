package org.libreconnect.dmp.transport;

import java.util.Objects;

/**
 * A MIME part sent or received next to a SOAP envelope (MTOM/XOP): an ITI-41 document or an
 * ITI-43 answer.
 *
 * @param contentId the Content-ID without angle brackets, as {@code xop:Include} names it
 * @param mimeType the part's media type
 * @param content the bytes
 */
public record Attachment(String contentId, String mimeType, byte[] content) {
  public Attachment {
    Objects.requireNonNull(contentId, "contentId");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(content, "content");
  }

  @Override
  public String toString() {
    return "Attachment[" + contentId + ", " + mimeType + ", " + content.length + " bytes]";
  }
}
