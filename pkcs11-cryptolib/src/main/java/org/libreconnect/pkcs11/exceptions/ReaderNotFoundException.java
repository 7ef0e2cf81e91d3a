package org.libreconnect.pkcs11.exceptions;

/** Thrown when the requested reader is unknown or unplugged, so no PKCS#11 slot stands for it. */
public final class ReaderNotFoundException extends CardException {
  /** An unknown reader or slot. */
  public ReaderNotFoundException(String message, Throwable cause) {
    super("READER_NOT_FOUND", message, cause);
  }
}
