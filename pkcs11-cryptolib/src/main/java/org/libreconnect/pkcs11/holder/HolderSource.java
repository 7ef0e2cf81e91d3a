package org.libreconnect.pkcs11.holder;

/** Where a {@link CpsHolder} was read from, which decides the fields it can fill. */
public enum HolderSource {
  /**
   * The authentication certificate: identity, profession and specialty code only. Practice
   * locations, the specialty label and the card serial number are not in certificates.
   */
  CERTIFICATES,
  /** The card's own holder files (the simulated card's CPS application), every field filled. */
  DATA_OBJECTS,
  /**
   * The certificates for the identity, completed by the card's {@code CPS_INFO_PS} (specialty) and
   * {@code CPS_ACTIVITY_nn_PS} (practice locations) data objects read from the PKCS#11 library
   * directly, and the token serial number as the card's.
   */
  CERTIFICATES_AND_DATA_OBJECTS
}
