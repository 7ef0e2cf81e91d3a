package org.libreconnect.worker.card;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import java.util.function.UnaryOperator;

/**
 * A handle to an RSA private key that stays on the card: only its modulus is known here, and
 * {@link #rawRsa} has the card compute raw RSA on a padded block. Not extractable.
 */
final class CardRsaKey implements PrivateKey, RSAKey {
  private static final long serialVersionUID = 1L;

  private final BigInteger modulus;
  private final transient UnaryOperator<byte[]> card;

  /**
   * @param card computes raw RSA with the card's key on a block as long as the modulus
   */
  CardRsaKey(BigInteger modulus, UnaryOperator<byte[]> card) {
    this.modulus = modulus;
    this.card = card;
  }

  /** The card's raw RSA of {@code block}. */
  byte[] rawRsa(byte[] block) {
    return card.apply(block);
  }

  /** The modulus length in bytes. */
  int modulusBytes() {
    return (modulus.bitLength() + 7) / 8;
  }

  @Override
  public BigInteger getModulus() {
    return modulus;
  }

  @Override
  public String getAlgorithm() {
    return "RSA";
  }

  @Override
  public String getFormat() {
    return null;
  }

  @Override
  public byte[] getEncoded() {
    return null;
  }
}
