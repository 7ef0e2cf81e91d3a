package org.libreconnect.simulator.card;

import org.libreconnect.simulation.card.CpsCardLayout;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.OwnerPIN;

/**
 * The card holder PIN: 4 to 8 ASCII digits, {@link CpsCardLayout#PIN_TRY_LIMIT} tries, blocked when
 * they are used up. Verification lasts until the card is reset or the host resets it.
 */
final class PinGuard {
  static final byte MIN_LENGTH = 4;
  static final byte MAX_LENGTH = 8;
  static final short SW_OK = ISO7816.SW_NO_ERROR;

  private final OwnerPIN pin = new OwnerPIN(CpsCardLayout.PIN_TRY_LIMIT, MAX_LENGTH);
  private boolean initialised;

  /** Sets the PIN during personalisation; also restores the try counter. */
  void set(byte[] buffer, short offset, short length) {
    if (!isWellFormed(buffer, offset, length)) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    pin.update(buffer, offset, (byte) length);
    initialised = true;
  }

  /**
   * Checks a candidate PIN and returns the status word: 9000, {@code 63Cx} with the tries left, or
   * 6983 once blocked. With {@code length} 0 it only reports the status (9000 when verified). A
   * malformed PIN (not 4 to 8 digits) is refused with 6A80 and costs no try.
   */
  short verify(byte[] buffer, short offset, short length) {
    if (!initialised) {
      ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
    }
    if (pin.getTriesRemaining() == 0) {
      return (short) CpsCardLayout.SW_PIN_BLOCKED;
    }
    if (length == 0) {
      return pin.isValidated() ? SW_OK : triesLeftStatus();
    }
    if (!isWellFormed(buffer, offset, length)) {
      return ISO7816.SW_WRONG_DATA;
    }
    if (pin.check(buffer, offset, (byte) length)) {
      return SW_OK;
    }
    return triesLeftStatus();
  }

  boolean isInitialised() {
    return initialised;
  }

  boolean isValidated() {
    return pin.isValidated();
  }

  /** Forgets a successful verification (log out). */
  void reset() {
    pin.reset();
  }

  byte triesRemaining() {
    return pin.getTriesRemaining();
  }

  private short triesLeftStatus() {
    return (short) (0x63C0 | pin.getTriesRemaining());
  }

  private static boolean isWellFormed(byte[] buffer, short offset, short length) {
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return false;
    }
    for (short i = offset; i < (short) (offset + length); i++) {
      if (buffer[i] < '0' || buffer[i] > '9') {
        return false;
      }
    }
    return true;
  }
}
