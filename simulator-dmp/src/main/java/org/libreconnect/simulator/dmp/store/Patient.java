package org.libreconnect.simulator.dmp.store;

import java.util.Objects;

/**
 * A test patient and the state of their DMP.
 *
 * @param ins the INS
 * @param insC the legacy INS-C (22 digits) the DMP still returns, or null
 * @param family the birth family name
 * @param given the first given name
 * @param gender {@code M}, {@code F} or {@code U}
 * @param birthDate {@code yyyyMMdd}
 * @param state whether the DMP exists, is closed or absent
 * @param webAccountOpen whether the patient's web account is open (COMPTE_INTERNET_OUVERT)
 * @param ensAttached whether the DMP is attached to Mon espace santé (RATTACHEMENT_ENS)
 * @param opposedToBreakGlass whether the patient opposed "bris de glace" access
 * @param opposedToEmergency whether the patient opposed "centre 15" (emergency) access
 * @param email the e-mail address, or null
 * @param mobile the mobile phone number, or null
 * @param postalCode the postal code of the patient's address, or null
 * @param city the city of the patient's address, or null
 */
public record Patient(
    Ins ins,
    String insC,
    String family,
    String given,
    String gender,
    String birthDate,
    DmpState state,
    boolean webAccountOpen,
    boolean ensAttached,
    boolean opposedToBreakGlass,
    boolean opposedToEmergency,
    String email,
    String mobile,
    String postalCode,
    String city) {

  public Patient {
    Objects.requireNonNull(ins, "ins");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(gender, "gender");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(state, "state");
  }
}
