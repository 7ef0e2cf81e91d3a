package org.libreconnect.installer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** The installation's CA certificate ({@code <home>/tls/ca.crt}), read and checked once. */
public record CaCertificate(Path file, X509Certificate certificate, String sha256) {

  /** Nickname of the CA in NSS databases, the same for every installation and renewal. */
  public static final String NSS_NICKNAME = "LibreConnect local CA";

  /**
   * Reads a PEM or DER certificate and checks that it is a CA certificate.
   *
   * @throws InstallerException when the file is missing, unreadable or not a CA certificate
   */
  public static CaCertificate read(Path file) {
    X509Certificate certificate;
    try (InputStream in = Files.newInputStream(file)) {
      certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (NoSuchFileException e) {
      throw new InstallerException(
          "no CA certificate at " + file + ": start the connector once, or run `libreconnect-admin certificate ensure`");
    } catch (IOException | GeneralSecurityException e) {
      throw new InstallerException(file + " is not a readable X.509 certificate: " + e.getMessage(), e);
    }
    if (certificate.getBasicConstraints() < 0) {
      throw new InstallerException(file + " is not a CA certificate (" + certificate.getSubjectX500Principal() + ")");
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return new CaCertificate(file, certificate, HexFormat.of().formatHex(digest));
    } catch (GeneralSecurityException e) {
      throw new InstallerException("cannot hash " + file + ": " + e.getMessage(), e);
    }
  }

  /** File name in the system store: {@code libreconnect-<16 hex digits of the SHA-256>.crt}. */
  public String systemFileName() {
    return "libreconnect-" + sha256.substring(0, 16) + ".crt";
  }
}
