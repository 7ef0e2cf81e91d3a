package org.libreconnect.runtime;

import ch.qos.logback.core.rolling.RollingFileAppender;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A rolling file appender whose files are readable by their owner only ({@code rw-------}) on
 * POSIX file systems, whatever the umask: the file is created with those permissions before
 * Logback opens it, at start and after every rollover, and an existing file loses any group and
 * world permission. Rolled files are renamed, so they keep them.
 */
final class OwnerOnlyFileAppender<E> extends RollingFileAppender<E> {

  @Override
  public void openFile(String fileName) throws IOException {
    OwnerOnlyFileAppender.createOwnerOnly(Path.of(fileName));
    super.openFile(fileName);
  }

  /** Creates {@code file} empty and owner-only if missing, else removes group and world access. */
  static void createOwnerOnly(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      AtomicFiles.createDirectories(parent, AtomicFiles.Access.OWNER_ONLY);
    }
    if (!AtomicFiles.isPosix(file)) {
      return;
    }
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException exists) {
      Directories.narrowToOwner(file);
    }
  }
}
