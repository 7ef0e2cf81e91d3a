package org.libreconnect.installer;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a system file so that readers see the old content or the new, never a mix: the new
 * content goes to a temporary file in the same directory and is renamed over the target. An
 * existing file keeps its permissions; a new one gets the permissions given.
 */
final class AtomicFile {
  /** Permissions of a new file that every user must be able to read (policies, hosts). */
  static final String WORLD_READABLE = "rw-r--r--";

  private AtomicFile() {}

  static void write(Path file, byte[] content, String newFilePermissions) {
    Path target = file.toAbsolutePath();
    Path temp = null;
    try {
      if (Files.isSymbolicLink(target)) {
        target = target.toRealPath();
      }
      Path directory = target.getParent();
      Files.createDirectories(directory);
      Set<PosixFilePermission> permissions = permissionsFor(target, newFilePermissions);
      temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
      if (permissions != null) {
        Files.setPosixFilePermissions(temp, permissions);
      }
      Files.write(temp, content);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw e;
      } catch (FileSystemException e) {
        // A bind-mounted file (a container's /etc/hosts) cannot be replaced, only rewritten.
        if (!Files.exists(target)) {
          throw e;
        }
        Files.write(target, content);
      }
    } catch (IOException e) {
      throw new InstallerException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temporary file is left behind; the target is what matters
        }
      }
    }
  }

  private static Set<PosixFilePermission> permissionsFor(Path target, String newFilePermissions)
      throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(target.getParent(), PosixFileAttributeView.class);
    if (view == null) {
      return null;
    }
    return Files.exists(target)
        ? Files.getPosixFilePermissions(target)
        : PosixFilePermissions.fromString(newFilePermissions);
  }
}
