package org.libreconnect.worker.dmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.libreconnect.protocol.error.TechnicalException;
import org.libreconnect.runtime.AtomicFiles;

/**
 * Where {@code hl_getDocumentContent} leaves the documents it retrieves: the JS2 wrapper documents
 * {@code s_filePath}, a {@code file://} URL of the document on the client machine. Files are
 * written whole (never half), readable by their owner only, in one folder per worker process, and
 * deleted when the worker process ends.
 */
public final class DocumentFiles {
  private final Path directory;

  /** Files go to {@code root}/{@code pid of this process}. */
  public DocumentFiles(Path root) {
    this.directory = root.resolve(Long.toString(ProcessHandle.current().pid()));
  }

  /** Writes the document {@code contentInBase64} and returns its {@code file://} URL. */
  public String write(String contentInBase64, int documentFormat) {
    try {
      AtomicFiles.createDirectories(directory, AtomicFiles.Access.OWNER_ONLY);
      directory.toFile().deleteOnExit();
      Path file = directory.resolve(UUID.randomUUID() + extension(documentFormat));
      AtomicFiles.write(file, Base64.getDecoder().decode(contentInBase64), AtomicFiles.Access.OWNER_ONLY);
      file.toFile().deleteOnExit();
      return file.toUri().toString();
    } catch (IOException | UncheckedIOException e) {
      throw new TechnicalException("The document could not be written to the connector's documents folder",
          e.getClass().getSimpleName(), e);
    }
  }

  /** The file extension of a DocumentFormat (spec 5.5). */
  static String extension(int documentFormat) {
    return switch (documentFormat) {
      case 1 -> ".txt";
      case 2 -> ".rtf";
      case 3 -> ".jpg";
      case 4 -> ".tiff";
      case 5 -> ".pdf";
      case 6, 7, 40, 41, 42 -> ".xml";
      default -> ".bin";
    };
  }
}
