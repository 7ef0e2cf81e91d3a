package org.libreconnect.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** A TLS context that trusts the connector's CA and nothing else, as a configured browser does. */
public final class ConnectorTrust {
  private ConnectorTrust() {}

  /** The JDK's TLS client context over {@link #trustManager}. */
  public static SSLContext sslContext(Path caCertificate) throws IOException, GeneralSecurityException {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {trustManager(caCertificate)}, null);
    return tls;
  }

  /** The JDK's PKIX trust manager with the CA in {@code caCertificate} (PEM or DER) as its only anchor. */
  public static X509ExtendedTrustManager trustManager(Path caCertificate) throws IOException, GeneralSecurityException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(caCertificate)) {
      trust.setCertificateEntry("connector-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    return (X509ExtendedTrustManager) factory.getTrustManagers()[0];
  }
}
