package org.libreconnect.pkcs11.exceptions;

/** Thrown when an operation needs the PIN to have been presented and it has not been (or was lost). */
public final class NotLoggedInException extends CardException {
  /** An operation attempted before login. */
  public NotLoggedInException(String message, Throwable cause) {
    super("NOT_LOGGED_IN", message, cause);
  }
}
