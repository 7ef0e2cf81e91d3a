package org.libreconnect.pkcs11.exceptions;

/** Thrown when the card lacks an expected object, such as the authentication key or its certificate. */
public final class CardObjectMissingException extends CardException {
  /** A missing key or certificate. */
  public CardObjectMissingException(String message, Throwable cause) {
    super("CARD_OBJECT_MISSING", message, cause);
  }
}
