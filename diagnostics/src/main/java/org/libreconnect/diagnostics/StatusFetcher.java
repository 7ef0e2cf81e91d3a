package org.libreconnect.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Reads the master's {@code /status.json} over loopback, trusting only the connector's own CA (so
 * the name in the certificate need not resolve). Used by the supervisor and {@code
 * libreconnect-admin diagnose}.
 */
public final class StatusFetcher {
  private final Path caCertificate;
  private final int port;
  private final Duration timeout;

  public StatusFetcher(Path caCertificate, int port, Duration timeout) {
    this.caCertificate = caCertificate;
    this.port = port;
    this.timeout = timeout;
  }

  /** The status JSON; throws when the connector does not answer. */
  public String fetch() throws IOException {
    HttpsURLConnection connection = (HttpsURLConnection)
        URI.create("https://127.0.0.1:" + port + "/status.json").toURL().openConnection();
    try {
      connection.setSSLSocketFactory(context().getSocketFactory());
      // The trust manager accepts the connector's CA only; the loopback address is not in the
      // certificate, the CA is what proves it is this connector.
      connection.setHostnameVerifier((host, session) -> "127.0.0.1".equals(host));
      connection.setConnectTimeout((int) timeout.toMillis());
      connection.setReadTimeout((int) timeout.toMillis());
      if (connection.getResponseCode() != 200) {
        throw new IOException("status.json answered HTTP " + connection.getResponseCode());
      }
      try (InputStream in = connection.getInputStream()) {
        return new String(in.readNBytes(4 * 1024 * 1024), StandardCharsets.UTF_8);
      }
    } finally {
      connection.disconnect();
    }
  }

  /** The status JSON, or a JSON object saying why there is none (for a bundle). */
  public String fetchOrExplain() {
    try {
      return fetch();
    } catch (IOException e) {
      return "{\"unavailable\":\"the connector does not answer on 127.0.0.1:" + port + " ("
          + Messages.brief(e) + "); start the service\"}\n";
    }
  }

  private SSLContext context() throws IOException {
    try (InputStream in = Files.newInputStream(caCertificate)) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("libreconnect-ca",
          CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("the connector's CA certificate is not usable", e);
    }
  }
}
