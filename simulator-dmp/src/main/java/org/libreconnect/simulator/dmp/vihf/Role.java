package org.libreconnect.simulator.dmp.vihf;

/**
 * One {@code Role} of the VIHF's {@code subject:role} attribute.
 *
 * @param code such as {@code "10"} or {@code "SM26"}
 * @param codeSystem such as {@link #PROFESSION_SYSTEM} or {@link #SPECIALTY_SYSTEM}
 */
public record Role(String code, String codeSystem) {
  /** Professions, TRE_G15. */
  public static final String PROFESSION_SYSTEM = "1.2.250.1.71.1.2.7";

  /** Specialties (savoir-faire), TRE_R01. */
  public static final String SPECIALTY_SYSTEM = "1.2.250.1.71.4.2.5";

  /** Médecin. */
  public static final String DOCTOR = "10";

  /** Pharmacien. */
  public static final String PHARMACIST = "21";
}
