package org.libreconnect.simulator.dmp.store;

import java.util.Objects;

/**
 * A health professional known to the DMP, as TD1.6 lists them.
 *
 * @param psIdNat the PS_IdNat
 * @param family the family name
 * @param given the given name
 * @param professionCode the profession (TRE_G15), such as {@code "10"}
 * @param professionLabel its label, such as {@code "Médecin"}
 * @param specialtyCode the specialty (TRE_R01), such as {@code "SM26"}, or null
 * @param specialtyLabel its label, or null
 */
public record Professional(
    String psIdNat,
    String family,
    String given,
    String professionCode,
    String professionLabel,
    String specialtyCode,
    String specialtyLabel) {

  public Professional {
    Objects.requireNonNull(psIdNat, "psIdNat");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(professionCode, "professionCode");
    Objects.requireNonNull(professionLabel, "professionLabel");
  }

  /** The XDS/TD1.6 specialty code, such as {@code "G15_10/SM26"}. */
  public String specialityCode() {
    return "G15_" + professionCode + (specialtyCode == null ? "" : "/" + specialtyCode);
  }

  /** The XDS/TD1.6 specialty label, such as {@code "Médecin - Qualifié en médecine générale"}. */
  public String specialityLabel() {
    return professionLabel + (specialtyLabel == null ? "" : " - " + specialtyLabel);
  }
}
