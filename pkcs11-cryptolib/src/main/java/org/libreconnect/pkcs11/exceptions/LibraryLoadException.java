package org.libreconnect.pkcs11.exceptions;

/** Thrown when the PKCS#11 library cannot be loaded or initialised (wrong file, architecture, dependency). */
public class LibraryLoadException extends CardException {
  /** A library that would not load. */
  public LibraryLoadException(String message, Throwable cause) {
    this("LIBRARY_LOAD_FAILED", message, cause);
  }

  /** For subclasses with a more precise code. */
  protected LibraryLoadException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
