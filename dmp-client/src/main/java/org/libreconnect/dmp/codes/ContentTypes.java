package org.libreconnect.dmp.codes;

/**
 * The submission set's {@code contentTypeCode}: the type of activity (TRE_R209-TypeActivite,
 * {@code 1.2.250.1.213.2.2}, value set JDV_J59-ContentTypeCode-DMP) of the clinical event that
 * produced the documents. JS2 passes no such parameter; it follows the connector's practice
 * setting the way the ANS mapping of XDS metadata proposes from the HL7 v2 patient class (PV1-2
 * {@code I} inpatient → {@code 03}, {@code O} outpatient → {@code 07}): a health establishment
 * submits for a stay ({@code 03}), every other setting for a consultation ({@code 07}).
 */
public final class ContentTypes {
  /** TRE_R209-TypeActivite. */
  public static final String SYSTEM = "1.2.250.1.213.2.2";

  private ContentTypes() {}

  /** One TRE_R209 code and its display name. */
  public record ContentType(String code, String label) {}

  /** Full hospitalisation (TRE_R209 {@code 03}). */
  public static final ContentType STAY =
      new ContentType("03", "Hospitalisation complète (non compris hospitalisation de semaine)");

  /** Consultation (TRE_R209 {@code 07}). */
  public static final ContentType CONSULTATION = new ContentType("07", "Consultation Soins Externes");

  /** The content type for practice setting {@code practiceSetting} (TRE_A01). */
  public static ContentType forPracticeSetting(String practiceSetting) {
    return "ETABLISSEMENT".equals(practiceSetting) ? STAY : CONSULTATION;
  }
}
