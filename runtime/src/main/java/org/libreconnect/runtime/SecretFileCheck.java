package org.libreconnect.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when a file that holds a secret, such as the configuration file with {@code
 * proxy/password}, can be read by its group or by everyone. The warning names the file, its
 * permissions and the settings concerned, never their values.
 */
public final class SecretFileCheck {

  private static final Logger log = LoggerFactory.getLogger(SecretFileCheck.class);

  private SecretFileCheck() {}

  /**
   * Logs {@code config.permissions.open} at warning level when {@code file} holds at least one of
   * {@code secretSettings} and is readable by its group or by everyone. Nothing happens on a file
   * system without POSIX permissions, or when the file does not exist.
   *
   * @param secretSettings the paths of the settings holding a secret, such as {@code
   *     proxy/password}
   * @return whether the warning was logged
   */
  public static boolean warnIfReadableByOthers(Path file, List<String> secretSettings) {
    if (secretSettings.isEmpty()
        || !AtomicFiles.isPosix(file)
        || !Files.exists(file)) {
      return false;
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (IOException e) {
      log.warn("config.permissions.unreadable file={} error=\"{}\"", file, e.toString());
      return false;
    }
    if (!permissions.contains(PosixFilePermission.GROUP_READ)
        && !permissions.contains(PosixFilePermission.OTHERS_READ)) {
      return false;
    }
    log.warn(
        "config.permissions.open file={} permissions={} secrets={} fix=\"chmod 600 the file\"",
        file,
        PosixFilePermissions.toString(permissions),
        String.join(",", secretSettings));
    return true;
  }
}
