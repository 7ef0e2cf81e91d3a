package org.libreconnect.worker.card;

import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import org.libreconnect.pkcs11.CpsToken;
import org.libreconnect.pkcs11.DigestAlgorithm;
import org.libreconnect.pkcs11.tls.CardTlsContext;

/**
 * The keys of a logged-in PKCS#11 token: TLS through {@link CardTlsContext} (registered with JSSE
 * until the token closes), signatures by the token.
 */
final class Pkcs11CardKeys implements CardKeys {
  private final CpsToken token;

  Pkcs11CardKeys(CpsToken token) {
    this.token = token;
  }

  @Override
  public SSLContext tlsContext(KeyStore roots) {
    return CardTlsContext.create(token, roots);
  }

  @Override
  public byte[] signSha256(byte[] data) {
    return token.sign(data, DigestAlgorithm.SHA_256);
  }
}
