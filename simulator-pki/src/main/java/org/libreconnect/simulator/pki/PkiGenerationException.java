package org.libreconnect.simulator.pki;

/** Thrown when a key pair or a certificate of the test PKI cannot be generated. */
public final class PkiGenerationException extends RuntimeException {
  PkiGenerationException(String message, Throwable cause) {
    super(message, cause);
  }
}
