package org.libreconnect.worker.card;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.libreconnect.pkcs11.JsseRegistration;
import org.libreconnect.pkcs11.exceptions.TlsHandshakeException;
import org.libreconnect.pkcs11.tls.CardKeyManager;
import org.libreconnect.pkcs11.tls.CardTlsPolicy;

/**
 * The keys of the simulated card once its PIN was verified: TLS with a {@link CardRsaKey} on the
 * authentication key, signed through a {@link CardRsaProvider} registered with JSSE until {@link
 * #close}, and submission-set signatures with the signature key, the card computing raw RSA.
 */
final class SimulatedCardKeys implements CardKeys, AutoCloseable {
  private final X509Certificate authentication;
  private final CardRsaKey authenticationKey;
  private final CardRsaKey signatureKey;
  private JsseRegistration registration;

  /**
   * @param tlsRsa the card's raw RSA with the authentication key, from any thread
   * @param signRsa the card's raw RSA with the signature key, on the card thread
   */
  SimulatedCardKeys(X509Certificate authentication, X509Certificate signature, UnaryOperator<byte[]> tlsRsa,
      UnaryOperator<byte[]> signRsa) {
    this.authentication = authentication;
    this.authenticationKey = new CardRsaKey(modulus(authentication), tlsRsa);
    this.signatureKey = new CardRsaKey(modulus(signature), signRsa);
  }

  @Override
  public synchronized SSLContext tlsContext(KeyStore roots) {
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
      trust.init(roots);
      SSLContext context = SSLContext.getInstance(CardTlsPolicy.PROTOCOL);
      context.init(new KeyManager[] {new CardKeyManager(() -> authenticationKey, () -> List.of(authentication))},
          trust.getTrustManagers(), null);
      if (registration == null) {
        registration = JsseRegistration.register(new CardRsaProvider("LibreConnectCard-" + UUID.randomUUID()));
      }
      return CardTlsPolicy.limit(context);
    } catch (GeneralSecurityException e) {
      throw new TlsHandshakeException("preparing the card TLS context failed: " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] signSha256(byte[] data) {
    return signatureKey.rawRsa(Pkcs1Padding.sha256Block(Pkcs1Padding.sha256(data), signatureKey.modulusBytes()));
  }

  /** Removes the provider from the JCA list. */
  @Override
  public synchronized void close() {
    if (registration != null) {
      registration.close();
      registration = null;
    }
  }

  private static java.math.BigInteger modulus(X509Certificate certificate) {
    return ((RSAPublicKey) certificate.getPublicKey()).getModulus();
  }
}
