package org.libreconnect.pkcs11.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.libreconnect.pkcs11.CpsToken;
import org.libreconnect.pkcs11.exceptions.TlsHandshakeException;

/**
 * Builds the {@link SSLContext} for mutual TLS with the card's authentication key: TLS 1.2 and RSA
 * PKCS#1 v1.5 signatures only ({@link CardTlsPolicy}), the server checked against a given trust
 * store (PKIX). Creating one makes the token's SunPKCS11 instance visible to JSSE until the token
 * closes ({@code Pkcs11Module.enableTlsSigning()}); the token must stay logged in while it is used,
 * and a reopened token (after a card removal) needs a new context.
 */
public final class CardTlsContext {
  private CardTlsContext() {}

  /** A client context for {@code token}, trusting the roots in {@code trustStore}. */
  public static SSLContext create(CpsToken token, KeyStore trustStore) {
    return create(token, trustStore, List.of());
  }

  /**
   * A client context for {@code token}, trusting the roots in {@code trustStore} and sending
   * {@code issuers} after the card's certificate when the card does not hold them.
   */
  public static SSLContext create(CpsToken token, KeyStore trustStore, List<X509Certificate> issuers) {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(trustStore, "trustStore");
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
      trust.init(trustStore);
      SSLContext context = SSLContext.getInstance(CardTlsPolicy.PROTOCOL);
      context.init(new KeyManager[] {CardKeyManager.forToken(token, issuers)}, trust.getTrustManagers(), null);
      token.module().enableTlsSigning();
      return new PolicySslContext(context);
    } catch (GeneralSecurityException e) {
      throw new TlsHandshakeException("preparing the card TLS context failed: " + e.getMessage(), e);
    }
  }
}
