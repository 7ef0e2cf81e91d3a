package org.libreconnect.pkcs11.direct;

import java.util.OptionalInt;

/**
 * What {@code C_GetTokenInfo} reports about a card, the parts the connector uses.
 *
 * @param label the token label, blank padding removed
 * @param manufacturer the token manufacturer
 * @param model the token model
 * @param serialNumber the token serial number (for the Cryptolib CPS, the card's)
 * @param flags the raw {@code CKF_*} flags
 */
public record TokenInfo(String label, String manufacturer, String model, String serialNumber, long flags) {
  static final long CKF_USER_PIN_COUNT_LOW = 0x0001_0000L;
  static final long CKF_USER_PIN_FINAL_TRY = 0x0002_0000L;
  static final long CKF_USER_PIN_LOCKED = 0x0004_0000L;

  /**
   * The PIN tries left as far as the flags tell, for a card allowing {@code limit} tries: 0 when
   * locked, 1 on the final try, {@code limit - 1} when a wrong PIN was typed since the last right
   * one (the flags say no more), empty when no flag is set (a full counter, or a library that keeps
   * none, such as SoftHSM2).
   */
  public OptionalInt pinTriesLeft(int limit) {
    if ((flags & CKF_USER_PIN_LOCKED) != 0) {
      return OptionalInt.of(0);
    }
    if ((flags & CKF_USER_PIN_FINAL_TRY) != 0) {
      return OptionalInt.of(1);
    }
    if ((flags & CKF_USER_PIN_COUNT_LOW) != 0) {
      return OptionalInt.of(Math.max(1, limit - 1));
    }
    return OptionalInt.empty();
  }
}
