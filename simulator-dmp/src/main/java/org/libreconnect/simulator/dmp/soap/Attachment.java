package org.libreconnect.simulator.dmp.soap;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One MIME part of an MTOM message.
 *
 * @param contentId the Content-ID without angle brackets, such as {@code "doc1@dmp"}
 * @param mimeType the part's media type
 * @param content the bytes
 */
public record Attachment(String contentId, String mimeType, byte[] content) {

  public Attachment {
    contentId = normalise(Objects.requireNonNull(contentId, "contentId"));
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(content, "content");
  }

  /**
   * A Content-ID or {@code cid:} reference in the form used as a key: no {@code cid:} scheme, no
   * angle brackets, URL-decoded (the DMP URL-encodes them, dmp.md §2.7).
   */
  public static String normalise(String reference) {
    String id = reference.trim();
    if (id.regionMatches(true, 0, "cid:", 0, 4)) {
      id = id.substring(4);
    }
    if (id.startsWith("<") && id.endsWith(">")) {
      id = id.substring(1, id.length() - 1);
    }
    return URLDecoder.decode(id, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Attachment[" + contentId + ", " + mimeType + ", " + content.length + " bytes]";
  }
}
