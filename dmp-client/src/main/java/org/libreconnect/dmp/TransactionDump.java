package org.libreconnect.dmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.libreconnect.runtime.AtomicFiles;
import org.libreconnect.dmp.transport.Attachment;
import org.libreconnect.dmp.xml.Xml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * Writes every DMP request and its answer to {@code dmpconnect/transactionDumpDirectory}, as
 * homologation asks: one file for the request and one for the answer (or the fault, or the
 * transport error), each complete with its MTOM parts, written to a temporary name and moved in
 * place so that a reader never sees half a file. Nothing of the PIN ever reaches this class: the
 * requests hold the VIHF, the body and documents only.
 */
public final class TransactionDump {
  private static final Logger log = LoggerFactory.getLogger(TransactionDump.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final Path directory;
  private final Clock clock;

  public TransactionDump(Path directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  /** A name shared by the two files of one transaction, such as {@code 20260315-100000-123-0001-TD0.2}. */
  public String newName(String transaction) {
    return STAMP.format(clock.instant()) + "-" + String.format("%04d", SEQUENCE.incrementAndGet() % 10000)
        + "-" + transaction.replaceAll("[^A-Za-z0-9.]", "_");
  }

  /** Writes {@code <name>-request.xml}. */
  public void request(String name, String endpoint, String action, Document envelope, List<Attachment> parts) {
    write(name + "-request.xml", render("POST " + endpoint + "\nAction: " + action, Xml.toBytes(envelope), parts));
  }

  /** Writes {@code <name>-response.xml} with a SOAP answer. */
  public void response(String name, Document envelope, List<Attachment> parts) {
    write(name + "-response.xml", render("SOAP answer", Xml.toBytes(envelope), parts));
  }

  /** Writes {@code <name>-response.xml} with a SOAP fault. */
  public void fault(String name, byte[] faultXml) {
    write(name + "-response.xml", render("SOAP fault", faultXml, List.of()));
  }

  /** Writes {@code <name>-response.txt} for a call that got no answer. */
  public void failure(String name, String description) {
    write(name + "-response.txt", ("No answer: " + description + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] render(String head, byte[] xml, List<Attachment> parts) {
    StringBuilder text = new StringBuilder();
    text.append("<!-- ").append(head.replace("--", "- -")).append(" -->\n");
    text.append(new String(xml, StandardCharsets.UTF_8)).append('\n');
    for (Attachment part : parts) {
      text.append("<!-- MIME part Content-ID: <").append(part.contentId()).append(">, Content-Type: ")
          .append(part.mimeType()).append(", ").append(part.content().length).append(" bytes, base64:\n")
          .append(Base64.getMimeEncoder().encodeToString(part.content())).append("\n-->\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void write(String fileName, byte[] content) {
    try {
      AtomicFiles.write(directory.resolve(fileName), content);
    } catch (IOException e) {
      // The dump helps support; failing to write it must not fail the transaction.
      log.warn("dmp.dump.failed file={} reason={}", fileName, e.toString());
    } catch (UncheckedIOException e) {
      log.warn("dmp.dump.failed file={} reason={}", fileName, e.toString());
    }
  }
}
