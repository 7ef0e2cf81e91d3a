package org.libreconnect.runtime;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** Creates one directory with given POSIX permissions, leaving existing directories as they are. */
final class Directories {

  private Directories() {}

  /**
   * Creates {@code directory} (and missing parents, owner-only) if it does not exist. On a POSIX
   * file system with {@code posixPermissions} not null, the directory is created with them (never
   * wider, whatever the umask) and they are then set exactly.
   */
  static void create(Path directory, String posixPermissions) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    Path parent = directory.getParent();
    if (parent != null) {
      AtomicFiles.createDirectories(parent, AtomicFiles.Access.OWNER_ONLY);
    }
    boolean posix = posixPermissions != null && isPosix(directory);
    Set<PosixFilePermission> permissions =
        posix ? PosixFilePermissions.fromString(posixPermissions) : Set.of();
    FileAttribute<?>[] attributes =
        posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
            : new FileAttribute<?>[0];
    try {
      Files.createDirectory(directory, attributes);
    } catch (FileAlreadyExistsException raced) {
      if (Files.isDirectory(directory)) {
        return; // another process created it first
      }
      throw raced;
    }
    if (posix) {
      Files.setPosixFilePermissions(directory, permissions);
    }
  }

  /**
   * Removes the group and world permissions of an existing file or directory, on POSIX file
   * systems; does nothing elsewhere.
   *
   * @return whether permissions were removed
   */
  static boolean narrowToOwner(Path path) throws IOException {
    if (!isPosix(path)) {
      return false;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
    Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission permission : permissions) {
      if (permission.name().startsWith("OWNER_")) {
        owner.add(permission);
      }
    }
    if (owner.equals(permissions)) {
      return false;
    }
    Files.setPosixFilePermissions(path, owner);
    return true;
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
