package org.libreconnect.dmp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.libreconnect.dmp.transport.Attachment;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Document;

/**
 * Writes every DMP request and its answer to {@code dmpconnect/transactionDumpDirectory}, as
 * homologation asks: one file for the request and one for the answer (or the fault, or the
 * transport error), each complete with its MTOM parts, written to a temporary name and moved in
 * place so that a reader never sees half a file. The files are written in the background, in
 * order, by the {@link DumpWriter}: a transaction does not wait for them. Nothing of the PIN ever
 * reaches this class: the requests hold the VIHF, the body and documents only.
 */
public final class TransactionDump {
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

  /**
   * Writes {@code <name>-request.xml}. The envelope is serialised here, on the caller's thread
   * (a DOM is not safe to read from two threads); the file is written by the {@link DumpWriter}.
   */
  public void request(String name, String endpoint, String action, Document envelope, List<Attachment> parts) {
    byte[] xml = Xml.toBytes(envelope);
    write(name + "-request.xml", () -> render("POST " + endpoint + "\nAction: " + action, xml, parts));
  }

  /** Writes {@code <name>-response.xml} with a SOAP answer. */
  public void response(String name, Document envelope, List<Attachment> parts) {
    byte[] xml = Xml.toBytes(envelope);
    write(name + "-response.xml", () -> render("SOAP answer", xml, parts));
  }

  /** Writes {@code <name>-response.xml} with a SOAP fault. */
  public void fault(String name, byte[] faultXml) {
    write(name + "-response.xml", () -> render("SOAP fault", faultXml, List.of()));
  }

  /** Writes {@code <name>-response.txt} for a call that got no answer. */
  public void failure(String name, String description) {
    write(name + "-response.txt", () -> ("No answer: " + description + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Waits until the files of every transaction dumped so far are on disk, at most {@code
   * timeout}; false when they are not yet.
   */
  public static boolean flush(Duration timeout) {
    return DumpWriter.flush(timeout);
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

  private void write(String fileName, Supplier<byte[]> content) {
    DumpWriter.write(directory.resolve(fileName), content);
  }
}
