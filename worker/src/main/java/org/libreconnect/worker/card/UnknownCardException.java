package org.libreconnect.worker.card;

import org.libreconnect.pkcs11.exceptions.CardException;

/** Thrown when the card in the reader is not a CPS card this connector can use. */
public final class UnknownCardException extends CardException {
  public UnknownCardException(String message, Throwable cause) {
    super("UNKNOWN_CARD", message, cause);
  }
}
