package org.libreconnect.simulator.dmp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.libreconnect.simulator.dmp.soap.Attachment;
import org.libreconnect.simulator.dmp.soap.DmpRequest;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Xml;

/**
 * One of the official example requests of the DMP's LPS package, shipped under
 * {@code src/test/resources/dmp/official/} (provenance in its README): the SOAP envelope, and for
 * TD2.1 the MTOM parts, with the VIHF's IssueInstant moved to the test's clock.
 */
final class OfficialExample {
  private OfficialExample() {}

  /** The example {@code name} ("TD0.2") as a request to {@code service}, edited by {@code edit}. */
  static DmpRequest request(String name, DmpService service, Instant now,
      UnaryOperator<String> edit) {
    String text = edit.apply(refreshed(read(name + "-request.xml"), now));
    if (!text.startsWith("--")) {
      return DmpRequest.of(service, text);
    }
    String crlf = text.replace("\r\n", "\n").replace("\n", "\r\n");
    String boundary = crlf.substring(2, crlf.indexOf("\r\n"));
    List<Multipart.Part> parts = Multipart.read("multipart/related; boundary=\"" + boundary + "\"",
        crlf.getBytes(StandardCharsets.UTF_8));
    List<Attachment> attachments = new ArrayList<>();
    for (Multipart.Part part : parts.subList(1, parts.size())) {
      attachments.add(new Attachment(part.contentId(), "text/xml", part.content()));
    }
    return new DmpRequest(service, Xml.parse(parts.get(0).content()), java.util.Map.of(),
        java.util.Optional.empty()).withAttachments(attachments);
  }

  /** The example as sent, with a fresh VIHF. */
  static DmpRequest request(String name, DmpService service, Instant now) {
    return request(name, service, now, UnaryOperator.identity());
  }

  static String read(String file) {
    try (InputStream in = OfficialExample.class.getResourceAsStream("/dmp/official/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing official example " + file);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String refreshed(String text, Instant now) {
    return text.replaceFirst("IssueInstant=\"[^\"]*\"", "IssueInstant=\"" + now + "\"");
  }
}
