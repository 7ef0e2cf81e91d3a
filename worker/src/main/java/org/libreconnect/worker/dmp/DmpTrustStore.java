package org.libreconnect.worker.dmp;

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
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roots a DMP server's certificate must chain to: every certificate (PEM or DER, one or more
 * per file) in {@code <home>/tls/dmp-roots/}, plus those the caller adds (the simulation PKI's).
 * The JDK's own roots are not used: IGC-Santé is not among them, and nothing else may pass for
 * the DMP.
 */
public final class DmpTrustStore {
  private static final Logger log = LoggerFactory.getLogger(DmpTrustStore.class);

  private DmpTrustStore() {}

  public static KeyStore load(Path directory, List<X509Certificate> extra) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int index = 0;
      for (X509Certificate certificate : extra) {
        store.setCertificateEntry("extra-" + index++, certificate);
      }
      if (Files.isDirectory(directory)) {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
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
      }
      log.info("dmp.roots count={} dir={}", index, directory);
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot read the DMP roots: " + e.getMessage(), e);
    }
  }
}
