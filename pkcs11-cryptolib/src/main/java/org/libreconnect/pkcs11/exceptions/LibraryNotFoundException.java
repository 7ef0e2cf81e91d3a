package org.libreconnect.pkcs11.exceptions;

/** Thrown when no PKCS#11 library file exists at the configured path or at any usual location. */
public final class LibraryNotFoundException extends LibraryLoadException {
  /** A missing library file. */
  public LibraryNotFoundException(String message, Throwable cause) {
    super("LIBRARY_NOT_FOUND", message, cause);
  }
}
