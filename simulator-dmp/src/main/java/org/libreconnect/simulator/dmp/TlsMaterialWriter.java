package org.libreconnect.simulator.dmp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.ServerCredentials;
import org.libreconnect.simulator.pki.TestPki;

/**
 * Writes what a client of a standalone simulator needs: the roots to trust, the server chain and
 * the test doctor's software card (authentication and signature keys, as PKCS#12 protected by
 * {@link #PASSWORD}), plus a production-like card for negative tests. Test material only,
 * generated per run; the key files are owner-only where the file system allows.
 */
final class TlsMaterialWriter {
  /** The password of the PKCS#12 files (test keys, regenerated at every start). */
  static final String PASSWORD = "libreconnect";

  private TlsMaterialWriter() {}

  static void write(Path directory, TestPki pki, ServerCredentials server) throws IOException {
    Files.createDirectories(directory);
    pem(directory.resolve("server-chain.pem"), List.of(server.certificateChain()));
    pem(directory.resolve("server-trust.pem"), List.of(pki.elementaryRoot()));
    pem(directory.resolve("test-roots.pem"), List.of(pki.fortRoot(), pki.elementaryRoot()));
    pem(directory.resolve("production-like-root.pem"), List.of(pki.productionLikeRoot()));
    CpsIdentity doctor = CpsIdentity.testDoctor();
    CardCredentials card = pki.issueCard(doctor);
    pkcs12(directory.resolve("test-doctor-authentication.p12"), card.authenticationKeys(),
        card.authenticationCertificate(), card.chain());
    pkcs12(directory.resolve("test-doctor-signature.p12"), card.signatureKeys(),
        card.signatureCertificate(), card.chain());
    CardCredentials production = pki.issueCardFromProductionLikeRoot(doctor);
    pkcs12(directory.resolve("production-like-doctor-authentication.p12"),
        production.authenticationKeys(), production.authenticationCertificate(),
        production.chain());
  }

  private static void pem(Path file, List<X509Certificate> certificates) throws IOException {
    StringBuilder text = new StringBuilder();
    Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    try {
      for (X509Certificate certificate : certificates) {
        text.append("-----BEGIN CERTIFICATE-----\n")
            .append(encoder.encodeToString(certificate.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot encode a certificate", e);
    }
    Files.writeString(file, text, StandardCharsets.US_ASCII);
  }

  private static void pkcs12(Path file, KeyPair keys, X509Certificate certificate,
      List<X509Certificate> chain) throws IOException {
    List<X509Certificate> all = new ArrayList<>();
    all.add(certificate);
    all.addAll(chain);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("card", keys.getPrivate(), PASSWORD.toCharArray(),
          all.toArray(X509Certificate[]::new));
      Files.deleteIfExists(file);
      Files.createFile(file);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, PASSWORD.toCharArray());
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot write " + file.getFileName(), e);
    }
  }
}
