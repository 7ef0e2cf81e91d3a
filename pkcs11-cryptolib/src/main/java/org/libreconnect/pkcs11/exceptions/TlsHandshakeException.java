package org.libreconnect.pkcs11.exceptions;

/** Thrown when a card-authenticated TLS handshake fails for another reason (protocol, cipher, network). */
public final class TlsHandshakeException extends CardException {
  /** An other handshake failure. */
  public TlsHandshakeException(String message, Throwable cause) {
    super("TLS_HANDSHAKE_FAILED", message, cause);
  }
}
