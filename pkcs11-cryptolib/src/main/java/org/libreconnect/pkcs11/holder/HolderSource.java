package org.libreconnect.pkcs11.holder;

/** Where a {@link CpsHolder} was read from, which decides the fields it can fill. */
public enum HolderSource {
  /**
   * The authentication certificate: identity, profession and specialty code only. Practice
   * locations, the specialty label and the card serial number are not in certificates.
   */
  CERTIFICATES,
  /** The card's {@code CPS_INFO_PS} / {@code CPS_ACTIVITY_nn_PS} data objects (not readable through SunPKCS11). */
  DATA_OBJECTS
}
