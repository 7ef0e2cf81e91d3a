package org.libreconnect.simulator.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The two key pairs and certificates of one CPS card, with the issuing chain.
 *
 * @param authenticationKeys the authentication key pair (TLS client authentication)
 * @param authenticationCertificate its certificate (EKU clientAuth)
 * @param signatureKeys the signature key pair (VIHF, documents)
 * @param signatureCertificate its certificate (KU nonRepudiation, EKU emailProtection)
 * @param chain the issuing CA then its root
 */
public record CardCredentials(
    KeyPair authenticationKeys,
    X509Certificate authenticationCertificate,
    KeyPair signatureKeys,
    X509Certificate signatureCertificate,
    List<X509Certificate> chain) {

  public CardCredentials {
    Objects.requireNonNull(authenticationKeys, "authenticationKeys");
    Objects.requireNonNull(authenticationCertificate, "authenticationCertificate");
    Objects.requireNonNull(signatureKeys, "signatureKeys");
    Objects.requireNonNull(signatureCertificate, "signatureCertificate");
    chain = List.copyOf(chain);
  }

  @Override
  public String toString() {
    return "CardCredentials[" + authenticationCertificate.getSubjectX500Principal() + "]";
  }
}
