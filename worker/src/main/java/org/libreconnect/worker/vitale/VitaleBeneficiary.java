package org.libreconnect.worker.vitale;

import java.util.Objects;

/**
 * One beneficiary as a Vitale card holds it.
 *
 * @param name last name (used name)
 * @param given first name
 * @param birthName birth name; empty when the card holds none
 * @param rawBirthDate the birth date exactly as on the card, YYYYMMDD; month or day may hold
 *     "lunar" values such as 00
 * @param nir the 13 characters of the NIR (digits; 2A or 2B for Corsica)
 * @param nirKey the NIR's 2-digit key
 * @param certifiedNir the beneficiary's own certified NIR with its key (15 characters), or empty
 * @param birthRank the birth rank (twins), 1 when the card holds none
 * @param quality the beneficiary's quality code (0 insured, 6 child...), 0 when the card holds
 *     none
 */
public record VitaleBeneficiary(
    String name,
    String given,
    String birthName,
    String rawBirthDate,
    String nir,
    String nirKey,
    String certifiedNir,
    int birthRank,
    int quality) {

  public VitaleBeneficiary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(birthName, "birthName");
    Objects.requireNonNull(rawBirthDate, "rawBirthDate");
    Objects.requireNonNull(nir, "nir");
    Objects.requireNonNull(nirKey, "nirKey");
    Objects.requireNonNull(certifiedNir, "certifiedNir");
  }

  /** The NIR as JS2 sends it: 13 characters, a space, the key ("1530789876585 13"). */
  public String nirWithKey() {
    return nir + " " + nirKey;
  }

  /** The certified NIR in the same form, or empty. */
  public String certifiedNirWithKey() {
    return certifiedNir.isEmpty()
        ? ""
        : certifiedNir.substring(0, 13) + " " + certifiedNir.substring(13);
  }
}
