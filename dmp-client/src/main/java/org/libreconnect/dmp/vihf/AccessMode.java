package org.libreconnect.dmp.vihf;

import org.libreconnect.protocol.error.InvalidParameterException;

/** JS2 AccessMode and the VIHF purpose-of-use codes (TRE_R248 ModeAcces). */
public enum AccessMode {
  NORMAL(1, "normal", "Accès normal"),
  BRIS_DE_GLACE(2, "bris_de_glace", "Accès en mode bris de glace"),
  CENTRE_15(3, "centre_15", "Accès en mode régulation");

  private final int js2;
  private final String code;
  private final String label;

  AccessMode(int js2, String code, String label) {
    this.js2 = js2;
    this.code = code;
    this.label = label;
  }

  /** The mode of {@code i_accessMode}. */
  public static AccessMode ofJs2(int value) {
    for (AccessMode mode : values()) {
      if (mode.js2 == value) {
        return mode;
      }
    }
    throw new InvalidParameterException("i_accessMode", "must be 1 (normal), 2 (bris de glace) or 3 (centre 15)");
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }
}
