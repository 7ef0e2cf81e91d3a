package org.libreconnect.worker.card;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a card keeps of a PIN the card accepted, so that a later command presenting the same PIN
 * can use the still logged-in token without a new {@code C_Login}: an HMAC-SHA256 of the PIN under
 * a random key drawn for this verifier alone. The PIN itself is never kept; the bytes encoded from
 * it are wiped at once. A different PIN does not match, and the card then checks it itself.
 *
 * <p>The MAC is made once, keyed, and reused under this verifier's lock: looked up for each
 * command, {@code Mac.getInstance} walked the security providers, the token's among them, for
 * about half of the card thread's Java samples in a profile of signatures (JFR); the signature's
 * latency did not move measurably (the token's own work and thread hand-offs dominate it).
 */
final class PinVerifier {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Mac mac;
  private final byte[] tag;

  private PinVerifier(char[] pin) {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from the Java runtime", e);
    } finally {
      Arrays.fill(key, (byte) 0); // the MAC keeps its own copy
    }
    tag = mac(pin);
  }

  /** A verifier of {@code pin}, which is left as it is (the caller wipes it). */
  static PinVerifier of(char[] pin) {
    return new PinVerifier(pin);
  }

  /** Whether {@code pin} is the PIN this verifier was made from (constant-time comparison). */
  boolean matches(char[] pin) {
    return MessageDigest.isEqual(tag, mac(pin));
  }

  private synchronized byte[] mac(char[] pin) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    try {
      return mac.doFinal(bytes); // and ready for the next
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
  }
}
