package org.libreconnect.worker.dmp.card;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.libreconnect.pkcs11.tls.CardTlsPolicy;
import org.libreconnect.dmp.DmpCredentials;
import org.libreconnect.dmp.DmpHolder;

/** Card credentials whose private keys are in memory, for tests. TLS 1.2 only, as with a real card. */
public final class KeyPairCredentials implements DmpCredentials {
  private final PrivateKey authenticationKey;
  private final List<X509Certificate> authenticationChain;
  private final PrivateKey signatureKey;
  private final X509Certificate signatureCertificate;
  private final DmpHolder holder;

  /**
   * @param authenticationChain the authentication certificate, then its issuers
   */
  public KeyPairCredentials(PrivateKey authenticationKey, List<X509Certificate> authenticationChain,
      PrivateKey signatureKey, X509Certificate signatureCertificate, DmpHolder holder) {
    this.authenticationKey = authenticationKey;
    this.authenticationChain = List.copyOf(authenticationChain);
    this.signatureKey = signatureKey;
    this.signatureCertificate = signatureCertificate;
    this.holder = holder;
  }

  @Override
  public SSLContext tlsContext(KeyStore dmpRoots) {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("card", authenticationKey, new char[0],
          new ArrayList<>(authenticationChain).toArray(X509Certificate[]::new));
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("SunX509");
      keyManagers.init(keys, new char[0]);
      TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
      trust.init(dmpRoots);
      SSLContext context = SSLContext.getInstance(CardTlsPolicy.PROTOCOL);
      context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot prepare the TLS context: " + e.getMessage(), e);
    }
  }

  @Override
  public X509Certificate authenticationCertificate() {
    return authenticationChain.get(0);
  }

  @Override
  public X509Certificate signatureCertificate() {
    return signatureCertificate;
  }

  @Override
  public byte[] signSha256(byte[] data) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(signatureKey);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
    }
  }

  @Override
  public DmpHolder holder() {
    return holder;
  }
}
