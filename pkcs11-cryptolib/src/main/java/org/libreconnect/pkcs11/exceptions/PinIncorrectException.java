package org.libreconnect.pkcs11.exceptions;

import java.util.OptionalInt;

/** Thrown when the card refuses the PIN (CKR_PIN_INCORRECT, CKR_PIN_INVALID, CKR_PIN_LEN_RANGE). */
public final class PinIncorrectException extends CardException {
  private final int triesLeft;

  /** A refused PIN; {@code triesLeft} is empty when the library does not tell. */
  public PinIncorrectException(String message, OptionalInt triesLeft, Throwable cause) {
    super("PIN_INCORRECT", message, cause);
    this.triesLeft = triesLeft.orElse(-1);
  }

  /** The PIN tries left before the card blocks, when known. */
  public OptionalInt triesLeft() {
    return triesLeft < 0 ? OptionalInt.empty() : OptionalInt.of(triesLeft);
  }
}
