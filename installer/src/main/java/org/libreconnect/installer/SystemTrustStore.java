package org.libreconnect.installer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Debian-family system trust store: local CA files in {@code
 * /usr/local/share/ca-certificates}, made effective by {@code update-ca-certificates}. Only one
 * LibreConnect CA is kept: installing a renewed CA removes the previous ones. The refresh must
 * rebuild the links ({@code update-ca-certificates --fresh}): a plain run leaves the links of
 * removed files behind.
 */
public final class SystemTrustStore {
  /** Where Debian's ca-certificates package looks for local CAs. */
  public static final Path DEBIAN_DIRECTORY = Path.of("/usr/local/share/ca-certificates");

  private static final String PREFIX = "libreconnect-";

  private final Path directory;
  private final List<String> refreshCommand;
  private final ProcessRunner processes;

  /**
   * @param refreshCommand run after a change, {@code update-ca-certificates --fresh} on Debian
   */
  public SystemTrustStore(Path directory, List<String> refreshCommand, ProcessRunner processes) {
    this.directory = directory;
    this.refreshCommand = List.copyOf(refreshCommand);
    this.processes = processes;
  }

  /** Adds the CA and removes other LibreConnect CAs; returns the file written. */
  public Path install(CaCertificate ca) {
    Path target = directory.resolve(ca.systemFileName());
    List<Path> stale = ours();
    stale.remove(target);
    SystemFiles.write(target, pem(ca));
    delete(stale);
    refresh();
    return target;
  }

  /** Removes every LibreConnect CA; returns the files removed. */
  public List<Path> remove() {
    List<Path> files = ours();
    delete(files);
    if (!files.isEmpty()) {
      refresh();
    }
    return files;
  }

  /** The LibreConnect CA files now in the store. */
  public List<Path> ours() {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return files;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, PREFIX + "*.crt")) {
      entries.forEach(files::add);
    } catch (IOException e) {
      throw new InstallerException("cannot list " + directory + ": " + e.getMessage(), e);
    }
    files.sort(null);
    return files;
  }

  private void delete(List<Path> files) {
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new InstallerException("cannot remove " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private void refresh() {
    processes.require(refreshCommand,
        "this command manages the Debian-family trust store; elsewhere add the CA by hand, or pass --no-system");
  }

  private static byte[] pem(CaCertificate ca) {
    try {
      String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(ca.certificate().getEncoded());
      return ("-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new InstallerException("cannot encode the CA certificate: " + e.getMessage(), e);
    }
  }
}
