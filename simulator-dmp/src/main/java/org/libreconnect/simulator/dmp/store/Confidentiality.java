package org.libreconnect.simulator.dmp.store;

/** Confidentiality codes of DMP documents: HL7's {@code N} and the DMP's flags (dmp.md §2.6). */
public final class Confidentiality {
  /** HL7 confidentiality code system. */
  public static final String HL7_SCHEME = "2.16.840.1.113883.5.25";

  /** The DMP's confidentiality flags code system. */
  public static final String DMP_SCHEME = "1.2.250.1.213.1.1.4.13";

  /** Hidden from professionals other than the author and the treating physician. */
  public static final String MASKED_FROM_PROFESSIONALS = "MASQUE_PS";

  /** Not visible by the patient. */
  public static final String INVISIBLE_TO_PATIENT = "INVISIBLE_PATIENT";

  /** Not visible by the patient's legal guardians. */
  public static final String INVISIBLE_TO_GUARDIANS = "INVISIBLE_REPRESENTANTS_LEGAUX";

  private Confidentiality() {}

  /** The code for {@code value}: {@code N} in HL7's system, anything else as a DMP flag. */
  public static Code of(String value) {
    return switch (value) {
      case "N" -> new Code("N", HL7_SCHEME, "Normal");
      case MASKED_FROM_PROFESSIONALS ->
          new Code(value, DMP_SCHEME, "Masqué aux professionnels de santé");
      case INVISIBLE_TO_PATIENT -> new Code(value, DMP_SCHEME, "Non visible par le patient");
      case INVISIBLE_TO_GUARDIANS ->
          new Code(value, DMP_SCHEME, "Non visible par les représentants légaux");
      default -> new Code(value, DMP_SCHEME, value);
    };
  }
}
