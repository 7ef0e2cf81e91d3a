package org.libreconnect.worker.card;

import java.security.KeyStore;
import javax.net.ssl.SSLContext;

/** The keys of a card whose PIN was accepted, usable without the PIN until the card is closed. */
public interface CardKeys {

  /** A TLS 1.2 client context signing with the card's authentication key, trusting {@code roots}. */
  SSLContext tlsContext(KeyStore roots);

  /** An RSA PKCS#1 v1.5 SHA-256 signature of {@code data} with the card's signature key. */
  byte[] signSha256(byte[] data);
}
