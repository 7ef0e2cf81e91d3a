package org.libreconnect.pkcs11.exceptions;

/** Thrown when a TLS server refuses the card's authentication certificate (an alert such as unknown_ca). */
public final class ClientCertificateRejectedException extends CardException {
  /** A card certificate the server refused. */
  public ClientCertificateRejectedException(String message, Throwable cause) {
    super("TLS_CLIENT_CERTIFICATE_REJECTED", message, cause);
  }
}
