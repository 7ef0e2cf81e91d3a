package org.libreconnect.pkcs11.exceptions;

import java.util.Objects;

/**
 * The base of every failure this module reports: a card, PKCS#11 library or card-TLS problem
 * with a stable {@link #code()} that the worker's error mapper turns into a JS2 error. Messages
 * name the operation and the PKCS#11 return value, never a PIN.
 */
public abstract class CardException extends RuntimeException {
  private final String code;

  /** A failure with its stable code, a message for support staff and the low-level cause. */
  protected CardException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** A stable, upper-case identifier of the failure, such as {@code PIN_INCORRECT}. */
  public final String code() {
    return code;
  }
}
