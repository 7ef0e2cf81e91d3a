package org.libreconnect.simulator.card;

import org.libreconnect.simulation.card.CpsCardLayout;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;
import javacard.security.CryptoException;
import javacard.security.KeyBuilder;
import javacard.security.RSAPrivateCrtKey;
import javacardx.crypto.Cipher;

/**
 * The card's two RSA-2048 private keys, which never leave it, and the raw RSA operation that signs
 * a block the host has already padded.
 */
final class SigningKeys {
  static final short BLOCK_LENGTH = 256;
  private static final byte TAG_P = 1;
  private static final byte TAG_Q = 2;
  private static final byte TAG_DP = 3;
  private static final byte TAG_DQ = 4;
  private static final byte TAG_QINV = 5;

  private final RSAPrivateCrtKey authentication = newKey();
  private final RSAPrivateCrtKey signature = newKey();
  private final Cipher raw = Cipher.getInstance(Cipher.ALG_RSA_NOPAD, false);

  /**
   * Loads a key from TLVs {@code 01} P, {@code 02} Q, {@code 03} DP, {@code 04} DQ, {@code 05} QINV
   * (big-endian, each at most 128 bytes).
   */
  void importKey(byte reference, byte[] buffer, short offset, short length) {
    RSAPrivateCrtKey key = key(reference);
    short end = (short) (offset + length);
    short position = offset;
    while (position < end) {
      byte tag = buffer[position];
      short lengthOffset = (short) (position + 1);
      short valueLength = Tlv.length(buffer, lengthOffset);
      short value = Tlv.skipLength(buffer, lengthOffset);
      switch (tag) {
        case TAG_P -> key.setP(buffer, value, valueLength);
        case TAG_Q -> key.setQ(buffer, value, valueLength);
        case TAG_DP -> key.setDP1(buffer, value, valueLength);
        case TAG_DQ -> key.setDQ1(buffer, value, valueLength);
        case TAG_QINV -> key.setPQ(buffer, value, valueLength);
        default -> ISOException.throwIt(ISO7816.SW_WRONG_DATA);
      }
      position = (short) (value + valueLength);
    }
  }

  /** Whether both keys are loaded. */
  boolean isComplete() {
    return authentication.isInitialized() && signature.isInitialized();
  }

  /**
   * Computes the raw RSA private operation of the 256-byte {@code block} with the key {@code
   * reference} into {@code out}; returns the signature length, always 256: a result with leading
   * zero bytes is padded back to the modulus length, as PKCS#1 requires.
   */
  short sign(
      byte reference, byte[] block, short offset, short length, byte[] out, short outOffset) {
    RSAPrivateCrtKey key = key(reference);
    if (!key.isInitialized()) {
      ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
    }
    if (length != BLOCK_LENGTH) {
      ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
    try {
      // MODE_DECRYPT computes m^d mod n like a signature and takes a full 256-byte block.
      raw.init(key, Cipher.MODE_DECRYPT);
      short produced = raw.doFinal(block, offset, length, out, outOffset);
      short missing = (short) (BLOCK_LENGTH - produced);
      if (missing > 0) {
        Util.arrayCopyNonAtomic(out, outOffset, out, (short) (outOffset + missing), produced);
        Util.arrayFillNonAtomic(out, outOffset, missing, (byte) 0);
      }
      return BLOCK_LENGTH;
    } catch (CryptoException e) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA); // block not below the modulus
      return 0;
    }
  }

  private RSAPrivateCrtKey key(byte reference) {
    if (reference == CpsCardLayout.KEY_AUTHENTICATION) {
      return authentication;
    }
    if (reference == CpsCardLayout.KEY_SIGNATURE) {
      return signature;
    }
    ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    return null;
  }

  private static RSAPrivateCrtKey newKey() {
    return (RSAPrivateCrtKey)
        KeyBuilder.buildKey(KeyBuilder.TYPE_RSA_CRT_PRIVATE, KeyBuilder.LENGTH_RSA_2048, false);
  }
}
