package org.libreconnect.pkcs11.exceptions;

/**
 * Stands in for {@code sun.security.pkcs11.wrapper.PKCS11Exception}, which tests cannot create:
 * same simple name, message = the {@code CKR_*} name or the {@code 0x…} code, as SunPKCS11 words it.
 */
final class PKCS11Exception extends RuntimeException {
  PKCS11Exception(String returnValue) {
    super(returnValue);
  }
}
