package org.libreconnect.pkcs11.exceptions;

/** Thrown when the card's PIN is blocked after too many wrong entries (CKR_PIN_LOCKED). */
public final class PinLockedException extends CardException {
  /** A blocked PIN. */
  public PinLockedException(String message, Throwable cause) {
    super("PIN_LOCKED", message, cause);
  }
}
