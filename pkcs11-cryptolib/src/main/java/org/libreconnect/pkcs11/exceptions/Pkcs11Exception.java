package org.libreconnect.pkcs11.exceptions;

import java.util.Optional;

/** Thrown when the PKCS#11 library fails in a way no more precise exception describes. */
public final class Pkcs11Exception extends CardException {
  private final String returnValue;

  /** An other failure; {@code returnValue} is the CKR name (or hex code), null when none was given. */
  public Pkcs11Exception(String message, String returnValue, Throwable cause) {
    super("PKCS11_ERROR", message, cause);
    this.returnValue = returnValue;
  }

  /** The PKCS#11 return value, such as {@code CKR_DEVICE_ERROR}, when the library gave one. */
  public Optional<String> returnValue() {
    return Optional.ofNullable(returnValue);
  }
}
