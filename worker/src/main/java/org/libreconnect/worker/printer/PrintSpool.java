package org.libreconnect.worker.printer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libreconnect.runtime.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The virtual printer's documents. The printer queue's backend ({@code
 * installer/src/main/dist/printer/libreconnect} for CUPS) writes each printed job into the spool
 * folder as {@code <job>-<title>.pdf}, under a hidden name first and renamed when whole; the
 * spool takes such files in (and deletes them) when asked, in arrival order, and keeps the
 * documents until they are flushed or taken. The folder is readable by its owner only.
 */
public final class PrintSpool {
  private static final Logger log = LoggerFactory.getLogger(PrintSpool.class);
  private static final Pattern JOB_FILE = Pattern.compile("(\\d+)-(.*)\\.pdf");

  /** Largest document taken in; larger ones are dropped with a log line. */
  public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

  /** Most documents kept; the oldest go first. */
  public static final int MAX_DOCUMENTS = 100;

  /** A printed document as the spool keeps it. */
  public record Document(long sequence, String id, String fileName, byte[] content) {}

  private final Path directory;
  private final List<Document> documents = new ArrayList<>();
  private long sequence;

  public PrintSpool(Path directory) {
    this.directory = directory;
  }

  /** The spool folder, which the printer queue's device URI names. */
  public Path directory() {
    return directory;
  }

  /** Creates the spool folder (owner only) if needed. */
  public void prepare() throws IOException {
    AtomicFiles.createDirectories(directory, AtomicFiles.Access.OWNER_ONLY);
  }

  /** Takes in the finished job files, then returns the documents kept, oldest first. */
  public synchronized List<Document> documents() {
    ingest();
    return List.copyOf(documents);
  }

  /** Takes in the finished job files, then removes and returns the oldest document. */
  public synchronized Optional<Document> takeNext() {
    ingest();
    return documents.isEmpty() ? Optional.empty() : Optional.of(documents.remove(0));
  }

  /** Removes the documents with these ids; returns how many were removed. */
  public synchronized int remove(Collection<String> ids) {
    int before = documents.size();
    documents.removeIf(document -> ids.contains(document.id()));
    return before - documents.size();
  }

  /** Removes every document. */
  public synchronized void clear() {
    ingest();
    documents.clear();
  }

  private void ingest() {
    if (!Files.isDirectory(directory)) {
      return;
    }
    List<Path> jobs = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "[0-9]*.pdf")) {
      files.forEach(jobs::add);
    } catch (IOException e) {
      log.warn("printer.spool.unreadable error={}", e.getClass().getSimpleName());
      return;
    }
    jobs.sort((a, b) -> Long.compare(jobNumber(a), jobNumber(b)));
    for (Path job : jobs) {
      Matcher name = JOB_FILE.matcher(job.getFileName().toString());
      if (!name.matches()) {
        continue;
      }
      try {
        long size = Files.size(job);
        if (size > MAX_DOCUMENT_BYTES) {
          log.warn("printer.document.dropped job={} reason=\"larger than {} bytes\"", name.group(1),
              MAX_DOCUMENT_BYTES);
        } else {
          byte[] content = Files.readAllBytes(job);
          if (documents.size() >= MAX_DOCUMENTS) {
            documents.remove(0);
          }
          documents.add(new Document(++sequence, UUID.randomUUID().toString(),
              fileName(name.group(2)), content));
          log.info("printer.document.received job={} bytes={}", name.group(1), content.length);
        }
        Files.deleteIfExists(job);
      } catch (IOException e) {
        log.warn("printer.document.unreadable job={} error={}", name.group(1), e.getClass().getSimpleName());
      }
    }
  }

  private static long jobNumber(Path file) {
    Matcher name = JOB_FILE.matcher(file.getFileName().toString());
    if (!name.matches()) {
      return Long.MAX_VALUE;
    }
    try {
      return Long.parseLong(name.group(1));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** The job title as a file name without extension; "document" when it says nothing. */
  static String fileName(String title) {
    String cleaned = title.replaceAll("[^\\p{L}\\p{N} ._()+-]", "_").strip();
    if (cleaned.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
      cleaned = cleaned.substring(0, cleaned.length() - 4);
    }
    return cleaned.isEmpty() ? "document" : cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
  }
}
