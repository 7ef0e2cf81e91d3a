package org.libreconnect.worker.dmp;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;

/**
 * What the DMP client needs from the professional's card, once its PIN was accepted: a TLS client
 * context with the authentication key, the signature certificate and key (submission-set
 * signature), and the holder data for the VIHF. Implemented over the card layer's selected card
 * (PKCS#11 token or the simulated card).
 */
public interface DmpCredentials {

  /**
   * A TLS 1.2 client context that authenticates with the card's authentication key and trusts the
   * DMP servers whose chains end in {@code dmpRoots}.
   */
  SSLContext tlsContext(KeyStore dmpRoots);

  /** The authentication certificate; its subject is the VIHF {@code Issuer} in direct mode. */
  X509Certificate authenticationCertificate();

  /** The signature (non-repudiation) certificate. */
  X509Certificate signatureCertificate();

  /** An RSA PKCS#1 v1.5 SHA-256 signature of {@code data} with the card's signature key. */
  byte[] signSha256(byte[] data);

  /** The holder data. */
  DmpHolder holder();
}
