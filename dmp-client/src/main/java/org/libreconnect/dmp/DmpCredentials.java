package org.libreconnect.dmp;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.libreconnect.dmp.vihf.IndirectAuthentication;

/**
 * The only way the DMP client reaches keys and identity: a TLS client context with the
 * authentication key, the signature certificate and key (submission-set signature), and the
 * holder data for the VIHF. The worker implements it over the card layer's selected card once its
 * PIN was accepted (PKCS#11 token or the simulated card); an establishment certificate can
 * implement it for the server mode.
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

  /**
   * The indirect-mode additions when these credentials are an establishment's (server mode): the
   * VIHF then says so and is signed with the establishment's key. Empty for a card (direct mode).
   */
  default Optional<IndirectAuthentication> indirect() {
    return Optional.empty();
  }
}
