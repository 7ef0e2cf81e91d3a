package org.libreconnect.simulator.pki;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Owner-only directories and files written in one atomic rename, for {@link SimulationMaterial}. */
final class OwnerOnlyFiles {
  private OwnerOnlyFiles() {}

  /** Creates {@code directory} (owner-only on POSIX) when missing. */
  static void directory(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    Path parent = directory.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.createDirectory(directory, attributes(directory, "rwx------"));
    } catch (FileAlreadyExistsException raced) {
      if (!Files.isDirectory(directory)) {
        throw raced;
      }
    }
  }

  /**
   * Replaces {@code file} with {@code content}: a temporary owner-only file in the same directory,
   * forced to disk, then renamed over the target.
   */
  static void write(Path file, byte[] content) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Path temp =
        Files.createTempFile(
            directory, "." + file.getFileName(), ".tmp", attributes(directory, "rw-------"));
    try {
      try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(content));
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static FileAttribute<?>[] attributes(Path where, String permissions) {
    boolean posix = where.getFileSystem().supportedFileAttributeViews().contains("posix");
    return posix
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        }
        : new FileAttribute<?>[0];
  }
}
