package org.libreconnect.simulator.card;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** Writes certificates as PEM files (never private keys). */
final class PemFiles {
  private PemFiles() {}

  static void write(Path file, List<X509Certificate> certificates) throws IOException {
    StringBuilder pem = new StringBuilder();
    Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    for (X509Certificate certificate : certificates) {
      try {
        pem.append("-----BEGIN CERTIFICATE-----\n")
            .append(encoder.encodeToString(certificate.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (CertificateEncodingException e) {
        throw new IOException("cannot encode " + certificate.getSubjectX500Principal(), e);
      }
    }
    Files.writeString(file, pem, StandardCharsets.US_ASCII);
  }
}
