package org.libreconnect.pkcs11.exceptions;

/** Thrown when a TLS server's certificate chain does not lead to a root in the configured trust store. */
public final class ServerNotTrustedException extends CardException {
  /** An untrusted server. */
  public ServerNotTrustedException(String message, Throwable cause) {
    super("TLS_SERVER_NOT_TRUSTED", message, cause);
  }
}
