package org.libreconnect.installer;

import java.io.IOException;
import java.nio.file.Path;
import org.libreconnect.runtime.AtomicFiles;

/**
 * Writes the system files other programs read (hosts file, browser policies, system trust store)
 * through {@link AtomicFiles}: readers see the old content or the new, never a mix; an existing
 * file keeps its permissions, a new one is {@code rw-r--r--}.
 *
 * <p>A file the system does not let us rename over, such as a hosts file bind-mounted into a
 * container, is not rewritten in place: the command fails and says why.
 */
final class SystemFiles {
  private SystemFiles() {}

  static void write(Path file, byte[] content) {
    try {
      AtomicFiles.write(file, content, AtomicFiles.Access.WORLD_READABLE);
    } catch (IOException e) {
      throw new InstallerException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
