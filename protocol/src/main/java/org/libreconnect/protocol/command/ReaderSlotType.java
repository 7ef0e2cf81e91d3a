package org.libreconnect.protocol.command;

/**
 * What a reader holds, as {@code hl_getPcscReaders} reports it ({@code i_slotType} / {@code
 * s_slotType}, protocol spec 5.1: ReaderSlotType). "CPS card" and "Vitale card" are the labels
 * seen in the wild; the others are this connector's wording.
 */
public enum ReaderSlotType {
  NO_CARD(1, "No card"),
  VITALE_CARD(2, "Vitale card"),
  CPS_CARD(3, "CPS card"),
  OTHER_CARD(4, "Other card"),
  UNKNOWN(5, "Unknown");

  private final int code;
  private final String label;

  ReaderSlotType(int code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The {@code i_slotType} value. */
  public int code() {
    return code;
  }

  /** The {@code s_slotType} text. */
  public String label() {
    return label;
  }
}
