package org.libreconnect.worker.card;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * EMSA-PKCS1-v1_5 encoding (RFC 8017, 9.2) of a SHA-256 digest: what the host sends to a card
 * that computes raw RSA, such as the simulated CPS card.
 */
final class Pkcs1Padding {
  /** DER of DigestInfo's AlgorithmIdentifier for SHA-256, followed by the digest's OCTET STRING header. */
  private static final byte[] SHA256_DIGEST_INFO_PREFIX =
      HexFormat.of().parseHex("3031300d060960864801650304020105000420");

  /** The same for SHA-384 and SHA-512. */
  private static final Map<String, byte[]> DIGEST_INFO_PREFIXES = Map.of(
      "SHA-256", SHA256_DIGEST_INFO_PREFIX,
      "SHA-384", HexFormat.of().parseHex("3041300d060960864801650304020205000430"),
      "SHA-512", HexFormat.of().parseHex("3051300d060960864801650304020305000440"));

  /**
   * Copied for each digest: looking the algorithm up through every security provider (a
   * PKCS#11 one among them) took longer than hashing a signature's data.
   */
  private static final MessageDigest SHA256 = sha256Digest();

  private Pkcs1Padding() {}

  /** The SHA-256 digest of {@code data}. */
  static byte[] sha256(byte[] data) {
    try {
      return ((MessageDigest) SHA256.clone()).digest(data);
    } catch (CloneNotSupportedException e) {
      return sha256Digest().digest(data);
    }
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime has no SHA-256", e);
    }
  }

  /** {@code 00 01 FF..FF 00 DigestInfo(SHA-256, digest)}, {@code modulusBytes} long. */
  static byte[] sha256Block(byte[] digest, int modulusBytes) {
    return block("SHA-256", digest, modulusBytes);
  }

  /** {@code 00 01 FF..FF 00 DigestInfo(algorithm, digest)}, {@code modulusBytes} long. */
  static byte[] block(String algorithm, byte[] digest, int modulusBytes) {
    byte[] prefix = DIGEST_INFO_PREFIXES.get(algorithm);
    if (prefix == null) {
      throw new IllegalArgumentException("no DigestInfo for " + algorithm);
    }
    int digestInfoLength = prefix.length + digest.length;
    if (digest.length != prefix[prefix.length - 1] || modulusBytes < digestInfoLength + 11) {
      throw new IllegalArgumentException("cannot pad a " + digest.length + "-byte digest to " + modulusBytes);
    }
    byte[] block = new byte[modulusBytes];
    block[1] = 0x01;
    int separator = modulusBytes - digestInfoLength - 1;
    for (int i = 2; i < separator; i++) {
      block[i] = (byte) 0xFF;
    }
    System.arraycopy(prefix, 0, block, separator + 1, prefix.length);
    System.arraycopy(digest, 0, block, modulusBytes - digest.length, digest.length);
    return block;
  }
}
