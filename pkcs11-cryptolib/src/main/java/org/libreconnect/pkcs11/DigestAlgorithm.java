package org.libreconnect.pkcs11;

/** The digests a card signature can use, each with its RSA PKCS#1 v1.5 JCA signature name. */
public enum DigestAlgorithm {
  /** SHA-256, the JS2 {@code i_digestType} 1. */
  SHA_256("SHA256withRSA");

  private final String signatureAlgorithm;

  DigestAlgorithm(String signatureAlgorithm) {
    this.signatureAlgorithm = signatureAlgorithm;
  }

  /** The JCA signature algorithm: this digest with RSA PKCS#1 v1.5 padding. */
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }
}
