package org.libreconnect.pkcs11.exceptions;

/** What the module was doing when a failure happened; it opens every mapped message. */
public enum Operation {
  /** Loading and initialising the PKCS#11 library (SunPKCS11 {@code configure}). */
  LOAD_LIBRARY("loading the PKCS#11 library"),
  /** Opening the token in the selected slot. */
  OPEN_TOKEN("opening the card"),
  /** Presenting the PIN. */
  LOGIN("checking the PIN"),
  /** Closing the PIN session. */
  LOGOUT("closing the PIN session"),
  /** Listing the card's keys and certificates. */
  READ_OBJECTS("reading the card's keys and certificates"),
  /** Reading the token information or the card's data objects from the library directly. */
  READ_DETAILS("reading the card's details"),
  /** Signing with a card key. */
  SIGN("signing with the card"),
  /** A TLS handshake authenticated by the card. */
  TLS_HANDSHAKE("the TLS handshake with the card's key");

  private final String description;

  Operation(String description) {
    this.description = description;
  }

  /** A short lower-case description for messages, such as "checking the PIN". */
  public String description() {
    return description;
  }
}
