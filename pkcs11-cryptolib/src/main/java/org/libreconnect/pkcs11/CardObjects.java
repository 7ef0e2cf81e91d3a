package org.libreconnect.pkcs11;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.libreconnect.pkcs11.exceptions.CardObjectMissingException;
import org.libreconnect.pkcs11.exceptions.Operation;
import org.libreconnect.pkcs11.exceptions.Pkcs11Failures;

/**
 * The card's two key pairs, read through SunPKCS11's {@code PKCS11} key store after login. That
 * key store lists private keys paired with certificates (same {@code CKA_ID}) and certificates;
 * it cannot show data objects ({@code CKO_DATA}) or {@code CKA_ID} values.
 */
record CardObjects(CardKey authentication, CardKey signature) {

  /** Reads the key pairs; the token must be logged in, or SunPKCS11 would ask for a PIN. */
  static CardObjects read(Provider provider) {
    List<CardKey> authentication = new ArrayList<>();
    List<CardKey> signature = new ArrayList<>();
    try {
      KeyStore store = KeyStore.getInstance("PKCS11", provider);
      store.load(null, null);
      List<String> aliases = Collections.list(store.aliases());
      Collections.sort(aliases);
      for (String alias : aliases) {
        if (!store.isKeyEntry(alias) || !(store.getKey(alias, null) instanceof PrivateKey key)) {
          continue;
        }
        CardKey cardKey = new CardKey(alias, key, x509(store.getCertificateChain(alias)));
        switch (CertificateRole.of(cardKey.certificate())) {
          case AUTHENTICATION -> authentication.add(cardKey);
          case SIGNATURE -> signature.add(cardKey);
          case OTHER -> { }
        }
      }
    } catch (GeneralSecurityException | IOException | ProviderException e) {
      throw Pkcs11Failures.map(Operation.READ_OBJECTS, e);
    }
    return new CardObjects(only(authentication, "authentication"), only(signature, "signature"));
  }

  private static CardKey only(List<CardKey> keys, String role) {
    if (keys.isEmpty()) {
      throw new CardObjectMissingException(
          "reading the card's keys and certificates failed: no " + role + " key with its certificate", null);
    }
    return keys.get(0);
  }

  private static List<X509Certificate> x509(Certificate[] chain) {
    List<X509Certificate> certificates = new ArrayList<>();
    if (chain != null) {
      for (Certificate certificate : chain) {
        if (certificate instanceof X509Certificate x509) {
          certificates.add(x509);
        }
      }
    }
    return certificates;
  }
}
