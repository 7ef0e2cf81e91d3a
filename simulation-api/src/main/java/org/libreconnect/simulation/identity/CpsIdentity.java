package org.libreconnect.simulation.identity;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The holder data of a CPS card: who the professional is, what they do and where.
 *
 * @param psIdNat the national identifier (PS_IdNat): type digit plus id, such as {@code
 *     "899900063480"}
 * @param internalIdType the identifier type reported to clients (3 = RPPS national identifier)
 * @param name the family name
 * @param given the given name
 * @param professionCode the profession code (TRE_G15), such as {@code "10"}
 * @param professionOid the profession code system, {@code "1.2.250.1.71.1.2.7"}
 * @param professionLabel the profession's label, also the certificates' {@code title}
 * @param specialtyCode the specialty code (TRE_R01), such as {@code "SM26"}
 * @param specialtyLabel the specialty's label
 * @param practiceLocations one to three practice locations, in card order
 * @param cardSerialNumber the card's serial number, such as {@code "8000123456"}
 * @param validUntil the card's last valid day; null means three years after issue
 * @param cpxType the card type (1 CPS, 2 CPF, 3 CPE, 4 CPA)
 */
public record CpsIdentity(
    String psIdNat,
    int internalIdType,
    String name,
    String given,
    String professionCode,
    String professionOid,
    String professionLabel,
    String specialtyCode,
    String specialtyLabel,
    List<PracticeLocation> practiceLocations,
    String cardSerialNumber,
    LocalDate validUntil,
    int cpxType) {

  /** The most practice locations a simulated card holds. */
  public static final int MAX_PRACTICE_LOCATIONS = 3;

  public CpsIdentity {
    Objects.requireNonNull(psIdNat, "psIdNat");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(professionCode, "professionCode");
    Objects.requireNonNull(professionOid, "professionOid");
    Objects.requireNonNull(professionLabel, "professionLabel");
    Objects.requireNonNull(specialtyCode, "specialtyCode");
    Objects.requireNonNull(specialtyLabel, "specialtyLabel");
    Objects.requireNonNull(cardSerialNumber, "cardSerialNumber");
    practiceLocations = List.copyOf(practiceLocations);
    if (practiceLocations.isEmpty() || practiceLocations.size() > MAX_PRACTICE_LOCATIONS) {
      throw new IllegalArgumentException(
          "a card holds 1 to "
              + MAX_PRACTICE_LOCATIONS
              + " practice locations, not "
              + practiceLocations.size());
    }
    if (!professionCode.chars().allMatch(Character::isDigit) || professionCode.isEmpty()) {
      throw new IllegalArgumentException(
          "professionCode \"" + professionCode + "\" is not a number");
    }
  }

  /** A general practitioner with two practice locations, valid three years from today (UTC). */
  public static CpsIdentity testDoctor() {
    return testDoctor(LocalDate.now(ZoneOffset.UTC).plusYears(3));
  }

  /**
   * The same test general practitioner as {@link #testDoctor()}, valid until {@code validUntil}.
   */
  public static CpsIdentity testDoctor(LocalDate validUntil) {
    return new CpsIdentity(
        "899900063480",
        3,
        "LIBRE",
        "MAX",
        "10",
        "1.2.250.1.71.1.2.7",
        "Médecin",
        "SM26",
        "Qualifié en médecine générale (SM)",
        List.of(
            new PracticeLocation("CABINET DU DR MAX LIBRE", "499900063480001", "SA07", "SA07"),
            new PracticeLocation(
                "MAISON DE SANTE DES TILLEULS", "499900063480002", "SA08", "SA08")),
        "8000123456",
        validUntil,
        1);
  }

  /** This identity with another national identifier, for tests that need two distinct cards. */
  public CpsIdentity withPsIdNat(String otherPsIdNat) {
    return new CpsIdentity(
        otherPsIdNat,
        internalIdType,
        name,
        given,
        professionCode,
        professionOid,
        professionLabel,
        specialtyCode,
        specialtyLabel,
        practiceLocations,
        cardSerialNumber,
        validUntil,
        cpxType);
  }
}
