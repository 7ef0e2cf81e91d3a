package org.libreconnect.pkcs11.direct;

/**
 * A {@code CKO_DATA} object of the token.
 *
 * @param label {@code CKA_LABEL}
 * @param application {@code CKA_APPLICATION}, empty when absent
 * @param value {@code CKA_VALUE}
 */
public record DataObject(String label, String application, byte[] value) {
  public DataObject {
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }
}
