package org.libreconnect.dmp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roots a DMP server's certificate must chain to, per environment:
 *
 * <ul>
 *   <li>the IGC-Santé roots shipped with the connector for that environment
 *       ({@code /dmp/roots/<environment>/}, provenance and fingerprints in their README): the
 *       production chain for the production DMP, the test chain for the training DMPs;
 *   <li>the roots an administrator imported for that environment
 *       ({@code <home>/tls/dmp-roots/<environment>/}, {@code libreconnect-admin dmp-root import});
 *   <li>the certificates directly in {@code <home>/tls/dmp-roots/}, for any DMP (a server of
 *       one's own, a simulator);
 *   <li>those the caller adds (the simulation PKI's).
 * </ul>
 *
 * The JDK's own roots are never used: IGC-Santé is not among them, and nothing else may pass for
 * the DMP. A production root is never trusted for a training URL, nor the other way round.
 */
public final class DmpTrustStore {
  private static final Logger log = LoggerFactory.getLogger(DmpTrustStore.class);

  /** The shipped roots of each environment, under {@code /dmp/roots/}. */
  private static final Map<DmpUrls.Environment, List<String>> SHIPPED = Map.of(
      DmpUrls.Environment.PRODUCTION, List.of("production/ac-racine-igc-sante-elementaire.pem"),
      DmpUrls.Environment.TRAINING, List.of("training/test-ac-racine-igc-sante-elementaire.pem",
          "training/test-ac-igc-sante-elementaire-organisations.pem"),
      DmpUrls.Environment.OTHER, List.of());

  private DmpTrustStore() {}

  /** The roots for a DMP of {@code environment}, {@code directory} being {@code <home>/tls/dmp-roots}. */
  public static KeyStore load(DmpUrls.Environment environment, Path directory, List<X509Certificate> extra) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int index = 0;
      for (X509Certificate certificate : extra) {
        store.setCertificateEntry("extra-" + index++, certificate);
      }
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Certificate certificate : shipped(environment)) {
        store.setCertificateEntry("shipped-" + index++, certificate);
      }
      if (environment != DmpUrls.Environment.OTHER) {
        index = addFiles(store, factory, directory.resolve(environment.directoryName()), index);
      }
      index = addFiles(store, factory, directory, index);
      log.info("dmp.roots environment={} count={} dir={}", environment, index, directory);
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot read the DMP roots: " + e.getMessage(), e);
    }
  }

  /** The roots shipped with the connector for {@code environment}. */
  static List<Certificate> shipped(DmpUrls.Environment environment) throws GeneralSecurityException, IOException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<Certificate> certificates = new java.util.ArrayList<>();
    for (String resource : SHIPPED.get(environment)) {
      try (InputStream in = DmpTrustStore.class.getResourceAsStream("/dmp/roots/" + resource)) {
        if (in == null) {
          throw new IllegalStateException("shipped DMP root " + resource + " is missing");
        }
        certificates.addAll(factory.generateCertificates(in));
      }
    }
    return certificates;
  }

  /** The roots for any DMP: {@code directory}'s own files and {@code extra}. */
  public static KeyStore load(Path directory, List<X509Certificate> extra) {
    return load(DmpUrls.Environment.OTHER, directory, extra);
  }

  private static int addFiles(KeyStore store, CertificateFactory factory, Path directory, int index)
      throws IOException, GeneralSecurityException {
    if (!Files.isDirectory(directory)) {
      return index;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        for (Certificate certificate : factory.generateCertificates(in)) {
          store.setCertificateEntry("root-" + index++, certificate);
        }
      } catch (GeneralSecurityException | IOException e) {
        log.warn("dmp.roots.unreadable file={} reason={}", file.getFileName(), e.getMessage());
      }
    }
    return index;
  }
}
