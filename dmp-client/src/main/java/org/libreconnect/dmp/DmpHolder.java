package org.libreconnect.dmp;

import java.util.List;
import java.util.Objects;

/**
 * The professional, as the DMP calls need them: identity, profession, specialty and practice
 * locations in card order.
 *
 * @param psIdNat PS_IdNat (type digit and national id), the VIHF {@code NameID}
 * @param name family name
 * @param given given name
 * @param professionCode TRE_G15 code, such as {@code 10}
 * @param professionOid its code system
 * @param professionLabel such as {@code Médecin}
 * @param specialtyCode TRE_R01 code, such as {@code SM26}; empty when the card has none
 * @param specialtyLabel its label, may be empty
 * @param practiceLocations the card's practice locations
 */
public record DmpHolder(
    String psIdNat,
    String name,
    String given,
    String professionCode,
    String professionOid,
    String professionLabel,
    String specialtyCode,
    String specialtyLabel,
    List<DmpPracticeLocation> practiceLocations) {
  public DmpHolder {
    Objects.requireNonNull(psIdNat, "psIdNat");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(professionCode, "professionCode");
    Objects.requireNonNull(professionOid, "professionOid");
    Objects.requireNonNull(professionLabel, "professionLabel");
    specialtyCode = specialtyCode == null ? "" : specialtyCode;
    specialtyLabel = specialtyLabel == null ? "" : specialtyLabel;
    practiceLocations = List.copyOf(practiceLocations);
  }
}
