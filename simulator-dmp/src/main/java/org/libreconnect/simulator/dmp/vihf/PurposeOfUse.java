package org.libreconnect.simulator.dmp.vihf;

import java.util.Optional;

/** The access mode of a VIHF, TRE_R248 ModeAcces (dmp.md §1.4). */
public enum PurposeOfUse {
  NORMAL("normal"),
  BRIS_DE_GLACE("bris_de_glace"),
  CENTRE_15("centre_15");

  /** The TRE_R248 code system. */
  public static final String CODE_SYSTEM = "1.2.250.1.213.1.1.4.248";

  private final String code;

  PurposeOfUse(String code) {
    this.code = code;
  }

  /** The wire code, such as {@code "bris_de_glace"}. */
  public String code() {
    return code;
  }

  /** The mode whose code is {@code code}. */
  public static Optional<PurposeOfUse> fromCode(String code) {
    for (PurposeOfUse purpose : values()) {
      if (purpose.code.equals(code)) {
        return Optional.of(purpose);
      }
    }
    return Optional.empty();
  }
}
