package org.libreconnect.pkcs11;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * One key pair on the card, as SunPKCS11's key store shows it.
 *
 * @param alias the key store alias (the certificate's {@code CKA_LABEL})
 * @param key the private key handle; it never leaves the card
 * @param chain the certificate first, then any issuers found on the card
 */
public record CardKey(String alias, PrivateKey key, List<X509Certificate> chain) {
  public CardKey {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(key, "key");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a card key needs its certificate");
    }
  }

  /** The key's own certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  @Override
  public String toString() {
    return "CardKey[" + alias + ", " + certificate().getSubjectX500Principal() + "]";
  }
}
