package org.libreconnect.pkcs11.exceptions;

/** Thrown when the selected reader (slot) holds no card, or no card the library recognises as a token. */
public final class TokenNotPresentException extends CardException {
  /** An empty slot. */
  public TokenNotPresentException(String message, Throwable cause) {
    super("TOKEN_NOT_PRESENT", message, cause);
  }
}
