package org.libreconnect.pkcs11.exceptions;

/** Thrown when the card was removed under an open token; reopen the module once it is back. */
public final class TokenRemovedException extends CardException {
  /** A card removed under an open token. */
  public TokenRemovedException(String message, Throwable cause) {
    super("TOKEN_REMOVED", message, cause);
  }
}
