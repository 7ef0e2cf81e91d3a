package org.libreconnect.installer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a user's NSS databases: the shared one Chromium and Chrome use on Linux ({@code
 * ~/.pki/nssdb}, also inside the Snap and Flatpak sandboxes) and every Firefox profile. Only
 * databases that exist are returned; a browser that never ran has none yet.
 */
public final class NssDatabaseFinder {
  private static final List<String> SHARED =
      List.of(".pki/nssdb", "snap/chromium/current/.pki/nssdb", ".var/app/org.chromium.Chromium/.pki/nssdb");
  private static final List<String> FIREFOX_PROFILE_PARENTS =
      List.of(".mozilla/firefox", "snap/firefox/common/.mozilla/firefox", ".var/app/org.mozilla.firefox/.mozilla/firefox");

  private final Path userHome;

  public NssDatabaseFinder(Path userHome) {
    this.userHome = userHome;
  }

  /** The directories holding a {@code cert9.db}, in a stable order. */
  public List<Path> find() {
    List<Path> found = new ArrayList<>();
    for (String relative : SHARED) {
      addIfDatabase(found, userHome.resolve(relative));
    }
    for (String relative : FIREFOX_PROFILE_PARENTS) {
      Path parent = userHome.resolve(relative);
      if (!Files.isDirectory(parent)) {
        continue;
      }
      List<Path> profiles = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, Files::isDirectory)) {
        entries.forEach(profiles::add);
      } catch (IOException e) {
        throw new InstallerException("cannot list " + parent + ": " + e.getMessage(), e);
      }
      profiles.sort(null);
      profiles.forEach(profile -> addIfDatabase(found, profile));
    }
    return found;
  }

  private static void addIfDatabase(List<Path> found, Path directory) {
    if (Files.isRegularFile(directory.resolve("cert9.db"))) {
      found.add(directory);
    }
  }
}
