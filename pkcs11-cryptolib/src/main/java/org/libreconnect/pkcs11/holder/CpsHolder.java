package org.libreconnect.pkcs11.holder;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The holder data of a CPS card, as {@code hl_readCpxCard} reports it.
 *
 * @param name the family name ({@code s_name})
 * @param given the given name ({@code s_given})
 * @param internalId the national identifier PS_IdNat, type digit included ({@code s_internalId})
 * @param internalIdType the JS2 IdentifierType of {@code internalId} (3 RPPS, 4 ADELI), 0 when unknown
 * @param professionCode the profession code (TRE_G15), such as {@code "10"}
 * @param professionOid the profession code system, {@code 1.2.250.1.71.1.2.7}
 * @param professionLabel the profession's label, such as {@code Médecin}
 * @param specialtyCode the specialty code (TRE_R01), such as {@code SM26}; empty when the card has none
 * @param specialtyLabel the specialty's label, when the source carries it
 * @param practiceLocations the practice locations, in card order; empty when the source lacks them
 * @param cardSerialNumber the card's serial number, when the source carries it
 * @param validUntil the last valid day (from certificates: the authentication certificate's
 *     notAfter, in UTC)
 * @param source where the data was read from
 */
public record CpsHolder(
    String name,
    String given,
    String internalId,
    int internalIdType,
    String professionCode,
    String professionOid,
    String professionLabel,
    String specialtyCode,
    Optional<String> specialtyLabel,
    List<CpsPracticeLocation> practiceLocations,
    Optional<String> cardSerialNumber,
    LocalDate validUntil,
    HolderSource source) {

  /** The code system of {@link #professionCode}, also the certificate extension that carries it. */
  public static final String PROFESSION_OID = "1.2.250.1.71.1.2.7";

  public CpsHolder {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(internalId, "internalId");
    Objects.requireNonNull(professionCode, "professionCode");
    Objects.requireNonNull(professionOid, "professionOid");
    Objects.requireNonNull(professionLabel, "professionLabel");
    Objects.requireNonNull(specialtyCode, "specialtyCode");
    Objects.requireNonNull(specialtyLabel, "specialtyLabel");
    practiceLocations = List.copyOf(practiceLocations);
    Objects.requireNonNull(cardSerialNumber, "cardSerialNumber");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(source, "source");
  }

  /**
   * This holder (read from certificates) completed with what the card's data objects add: their
   * specialty code replaces the certificate's when present, their practice locations and the
   * token serial number fill the fields certificates lack.
   */
  public CpsHolder completedWith(
      Optional<String> dataSpecialty, List<CpsPracticeLocation> locations, Optional<String> serialNumber) {
    return new CpsHolder(name, given, internalId, internalIdType, professionCode, professionOid,
        professionLabel, dataSpecialty.orElse(specialtyCode), specialtyLabel, locations,
        serialNumber.or(() -> cardSerialNumber), validUntil, HolderSource.CERTIFICATES_AND_DATA_OBJECTS);
  }
}
