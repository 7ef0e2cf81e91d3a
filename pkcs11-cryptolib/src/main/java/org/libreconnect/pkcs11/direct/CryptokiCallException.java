package org.libreconnect.pkcs11.direct;

/**
 * A PKCS#11 function returned something other than {@code CKR_OK}. The message names the function
 * and the return value ({@code CKR_*} or {@code 0x…}), the form {@code Pkcs11Failures} reads.
 */
public final class CryptokiCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient long returnValue;

  public CryptokiCallException(String function, long returnValue) {
    super(function + " returned " + ReturnValues.name(returnValue));
    this.returnValue = returnValue;
  }

  /** The raw return value. */
  public long returnValue() {
    return returnValue;
  }
}
