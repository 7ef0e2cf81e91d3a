package org.libreconnect.installer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A managed policy file of Chromium ({@code /etc/chromium/policies/managed/}) or Google Chrome
 * ({@code /etc/opt/chrome/policies/managed/}) on Linux. The browser merges every JSON file of
 * that directory, so LibreConnect owns one file of its own and never edits the others.
 */
public final class ChromiumPolicyFile {
  /** Debian's Chromium. */
  public static final Path CHROMIUM_DIRECTORY = Path.of("/etc/chromium/policies/managed");
  /** Google Chrome. */
  public static final Path CHROME_DIRECTORY = Path.of("/etc/opt/chrome/policies/managed");
  /** Chrome 139+: origins whose pages may reach local and loopback addresses without a prompt. */
  public static final String LNA_ALLOWED = "LocalNetworkAccessAllowedForUrls";

  private static final String FILE_NAME = "libreconnect.json";

  private final Path file;

  public ChromiumPolicyFile(Path directory) {
    this.file = directory.resolve(FILE_NAME);
  }

  public Path file() {
    return file;
  }

  /** Writes the policy for these Chrome URL patterns, replacing the file's earlier content. */
  public void write(List<String> urlPatterns) {
    try {
      byte[] json =
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsBytes(Map.of(LNA_ALLOWED, urlPatterns));
      SystemFiles.write(file, json);
    } catch (IOException e) {
      throw new InstallerException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the file; returns whether there was one. */
  public boolean remove() {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new InstallerException("cannot remove " + file + ": " + e.getMessage(), e);
    }
  }
}
