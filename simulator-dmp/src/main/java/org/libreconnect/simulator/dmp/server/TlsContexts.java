package org.libreconnect.simulator.dmp.server;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.libreconnect.simulator.pki.ServerCredentials;

/** Builds the listeners' TLS contexts: the server's key and a trust store of chosen CAs only. */
final class TlsContexts {
  /** The DMP's suites for LPS access (dmp.md §1.2), all supported by the JDK. */
  static final List<String> CIPHER_SUITES = List.of(
      "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
      "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");

  /** The only protocol the DMP speaks with LPS. */
  static final String PROTOCOL = "TLSv1.2";

  private static final char[] NO_PASSWORD = new char[0];

  private TlsContexts() {}

  /** A TLS 1.2 context presenting {@code server} and trusting only {@code trusted}. */
  static SSLContext server(ServerCredentials server, List<X509Certificate> trusted)
      throws GeneralSecurityException {
    KeyStore keys = emptyStore();
    keys.setKeyEntry("server", server.keys().getPrivate(), NO_PASSWORD,
        server.certificateChain());
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, NO_PASSWORD);
    KeyStore anchors = emptyStore();
    for (int i = 0; i < trusted.size(); i++) {
      anchors.setCertificateEntry("trusted-" + i, (Certificate) trusted.get(i));
    }
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
    trustManagers.init(anchors);
    SSLContext context = SSLContext.getInstance(PROTOCOL);
    context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    return context;
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException("cannot create a key store", e);
    }
    return store;
  }
}
