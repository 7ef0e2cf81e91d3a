package org.libreconnect.worker.card;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.SignatureSpi;

/**
 * RSA PKCS#1 v1.5 signing with a {@link CardRsaKey}: the host hashes and pads (DigestInfo), the
 * card computes raw RSA. Signing only; verification stays with the JDK's providers.
 */
final class CardRsaSignature extends SignatureSpi {
  private final String digestAlgorithm;
  private MessageDigest digest;
  private CardRsaKey key;

  /**
   * @param digestAlgorithm SHA-256, SHA-384 or SHA-512
   */
  CardRsaSignature(String digestAlgorithm) {
    this.digestAlgorithm = digestAlgorithm;
  }

  @Override
  protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
    if (!(privateKey instanceof CardRsaKey cardKey)) {
      throw new InvalidKeyException("only a card key signs here");
    }
    try {
      digest = MessageDigest.getInstance(digestAlgorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new InvalidKeyException("this Java runtime has no " + digestAlgorithm, e);
    }
    key = cardKey;
  }

  @Override
  protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
    throw new InvalidKeyException("a card key provider only signs");
  }

  @Override
  protected void engineUpdate(byte b) {
    digest.update(b);
  }

  @Override
  protected void engineUpdate(byte[] b, int off, int len) {
    digest.update(b, off, len);
  }

  @Override
  protected byte[] engineSign() throws SignatureException {
    byte[] block = Pkcs1Padding.block(digestAlgorithm, digest.digest(), key.modulusBytes());
    try {
      return key.rawRsa(block);
    } catch (RuntimeException e) {
      throw new SignatureException("the card did not sign: " + e.getMessage(), e);
    }
  }

  @Override
  protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
    throw new SignatureException("a card key provider only signs");
  }

  @Override
  @Deprecated
  protected void engineSetParameter(String param, Object value) {
    throw new UnsupportedOperationException("no parameters");
  }

  @Override
  @Deprecated
  protected Object engineGetParameter(String param) {
    throw new UnsupportedOperationException("no parameters");
  }
}
