package org.libreconnect.worker.card;

import org.libreconnect.pkcs11.exceptions.CardException;

/** Thrown when a PIN is not 4 to 8 digits; it is refused before any card sees it. */
public final class PinFormatException extends CardException {
  public PinFormatException() {
    super("PIN_FORMAT", "checking the PIN failed: a PIN has 4 to 8 digits", null);
  }
}
