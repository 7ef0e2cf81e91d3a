package org.libreconnect.simulator.dmp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes and reads MTOM (multipart/related, XOP) bodies by hand, as a wire-level client would. */
final class Multipart {
  static final String BOUNDARY = "MIMEBoundary_libreconnect_tests";
  private static final Pattern BOUNDARY_PARAMETER =
      Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

  /** One part: its headers (lower-case names) and bytes. */
  record Part(Map<String, String> headers, byte[] content) {
    String contentId() {
      String id = headers.getOrDefault("content-id", "");
      return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }
  }

  private Multipart() {}

  /** The Content-Type of what {@link #write} produces. */
  static String contentType(String action) {
    return "multipart/related; type=\"application/xop+xml\"; boundary=\"" + BOUNDARY + "\";"
        + " start=\"<root.message@tests>\"; start-info=\"application/soap+xml\"; action=\""
        + action + "\"";
  }

  /** The SOAP envelope as root part, then {@code document} with Content-ID {@code contentId}. */
  static byte[] write(String envelope, String contentId, byte[] document) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + BOUNDARY + "\r\n"
        + "Content-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n"
        + "Content-Transfer-Encoding: binary\r\nContent-ID: <root.message@tests>\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(envelope.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Type: text/xml\r\n"
        + "Content-Transfer-Encoding: binary\r\nContent-ID: <" + contentId + ">\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(document);
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** The parts of a multipart body whose Content-Type header is {@code contentType}. */
  static List<Part> read(String contentType, byte[] body) {
    Matcher matcher = BOUNDARY_PARAMETER.matcher(contentType);
    if (!matcher.find()) {
      throw new IllegalArgumentException("not multipart: " + contentType);
    }
    byte[] delimiter = ("--" + matcher.group(1)).getBytes(StandardCharsets.US_ASCII);
    List<Part> parts = new ArrayList<>();
    int start = indexOf(body, delimiter, 0);
    while (start >= 0) {
      int partStart = start + delimiter.length;
      if (partStart + 1 < body.length && body[partStart] == '-' && body[partStart + 1] == '-') {
        break;
      }
      partStart += 2; // CRLF after the delimiter
      int next = indexOf(body, delimiter, partStart);
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), partStart);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line : new String(body, partStart, headersEnd - partStart,
          StandardCharsets.UTF_8).split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).trim());
        }
      }
      int contentEnd = next - 2; // CRLF before the next delimiter
      parts.add(new Part(headers, Arrays.copyOfRange(body, headersEnd + 4, contentEnd)));
      start = next;
    }
    return parts;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
