package org.libreconnect.config;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Replaces a file's whole content in one step, for {@link ConfigDocument#save(FileReplacer)}.
 *
 * <p>The real one is {@code org.libreconnect.runtime.AtomicFiles::write}: config depends on the JDK
 * only, so the caller hands the project's one atomic-file helper in (ADR 0011).
 */
@FunctionalInterface
public interface FileReplacer {

  /**
   * Replaces {@code file} with {@code content}, so that a reader sees the old content or the new,
   * never a part.
   *
   * @throws IOException when the file cannot be replaced; it is then unchanged
   */
  void replace(Path file, byte[] content) throws IOException;
}
