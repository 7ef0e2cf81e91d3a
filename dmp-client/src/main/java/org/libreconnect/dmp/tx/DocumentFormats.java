package org.libreconnect.dmp.tx;

import java.util.List;
import java.util.Optional;
import org.libreconnect.protocol.error.InvalidParameterException;

/**
 * JS2 DocumentFormat (protocol.md §5.5) ↔ XDS formatCode. Formats 1–5 are files the connector
 * wraps in a CDA with a non-XML body (CDA level 1); their formatCode follows the media type by the
 * ANS association table ASS_A12-CorresMediaTypeCDANonStructure-XdsFormatCode-CISIS. Formats 6,
 * 7 and 40–42 are structured CDA documents (level 3) the application writes itself; their
 * formatCode follows the document's model (templateId) by ASS_A11-CorresModeleCDA-XdsFormatCode-CISIS.
 * Codes from TRE_A11-IheFormatCode ({@code 1.3.6.1.4.1.19376.1.2.3}) or
 * TRE_A06-FormatCodeComplementaire ({@code 1.2.250.1.213.1.1.4.2.282}).
 */
final class DocumentFormats {
  static final String IHE_FORMAT_SYSTEM = "1.3.6.1.4.1.19376.1.2.3";
  static final String CISIS_FORMAT_SYSTEM = "1.2.250.1.213.1.1.4.2.282";
  static final String PDF_FORMAT = "urn:ihe:iti:xds-sd:pdf:2008";
  static final String TEXT_FORMAT = "urn:ihe:iti:xds-sd:text:2008";

  /**
   * One JS2 format.
   *
   * @param js2 the JS2 DocumentFormat value
   * @param mimeType the media type of the wrapped file (level 1), or null for a structured document
   * @param templateId the CDA model a structured document must declare (level 3), or null
   * @param formatCode the XDS formatCode
   * @param formatSystem its code system
   * @param label its display name
   */
  record Format(int js2, String mimeType, String templateId, String formatCode, String formatSystem,
      String label) {
    boolean structured() {
      return templateId != null;
    }
  }

  private static final List<Format> FORMATS = List.of(
      new Format(1, "text/plain", null, TEXT_FORMAT, IHE_FORMAT_SYSTEM, "Document à corps non structuré en texte"),
      new Format(2, "text/rtf", null, "urn:ihe:iti-fr:xds-sd:rtf:2010", IHE_FORMAT_SYSTEM,
          "Document à corps non structuré en format rtf"),
      new Format(3, "image/jpeg", null, "urn:ihe:iti-fr:xds-sd:jpeg:2010", IHE_FORMAT_SYSTEM,
          "Document à corps non structuré en format jpeg"),
      new Format(4, "image/tiff", null, "urn:ihe:iti-fr:xds-sd:tiff:2010", IHE_FORMAT_SYSTEM,
          "Document à corps non structuré en format tiff"),
      new Format(5, "application/pdf", null, PDF_FORMAT, IHE_FORMAT_SYSTEM, "Document à corps non structuré en PDF"),
      new Format(6, null, "1.2.250.1.213.1.1.1.13", "urn:asip:ci-sis:vsm:2012", CISIS_FORMAT_SYSTEM,
          "Synthèse médicale"),
      new Format(7, null, "1.3.6.1.4.1.19376.1.3.3", "urn:ihe:lab:xd-lab:2008", IHE_FORMAT_SYSTEM,
          "Compte rendu structuré d'examens de biologie médicale"),
      new Format(40, null, "1.2.250.1.213.1.1.1.22", "urn:asip:ci-sis:dlu:2015", CISIS_FORMAT_SYSTEM,
          "Document de liaison d'urgence"),
      new Format(41, null, "1.2.250.1.213.1.1.1.23", "urn:asip:ci-sis:fludt:2017", CISIS_FORMAT_SYSTEM,
          "Fiche de liaison d'urgence - Transfert de l'EHPAD vers les urgences"),
      new Format(42, null, "1.2.250.1.213.1.1.1.24", "urn:asip:ci-sis:fludr:2017", CISIS_FORMAT_SYSTEM,
          "Fiche de liaison d'urgence - Retour des urgences vers l'EHPAD"));

  private DocumentFormats() {}

  /** The format of JS2 value {@code format}. */
  static Format of(Integer format) {
    return FORMATS.stream().filter(f -> format != null && f.js2() == format).findFirst()
        .orElseThrow(() -> new InvalidParameterException("i_documentFormat",
            "must be 1 (text), 2 (RTF), 3 (JPEG), 4 (TIFF), 5 (PDF), 6 (VSM), 7 (CR-BIO), 40 (DLU),"
                + " 41 (DLU-FLUDT) or 42 (DLU-FLUDR)"));
  }

  /** The MIME type of content in JS2 format {@code format} (levels 1 only). */
  static String mimeType(int format) {
    Format f = of(format);
    if (f.structured()) {
      throw new IllegalArgumentException("format " + format + " is a structured CDA");
    }
    return f.mimeType();
  }

  /** The XDS format code for JS2 format {@code format}. */
  static String formatCode(int format) {
    return of(format).formatCode();
  }

  /** The structured JS2 format whose CDA model is among {@code templateIds}, if any. */
  static Optional<Integer> ofTemplateIds(List<String> templateIds) {
    return FORMATS.stream().filter(f -> f.structured() && templateIds.contains(f.templateId()))
        .map(Format::js2).findFirst();
  }

  static int ofFormatCode(String formatCode, String mimeType) {
    Optional<Format> known = FORMATS.stream().filter(f -> f.formatCode().equals(formatCode)).findFirst();
    if (known.isPresent()) {
      return known.get().js2();
    }
    return switch (mimeType) {
      case "application/pdf" -> 5;
      case "text/rtf" -> 2;
      case "image/jpeg" -> 3;
      case "image/tiff" -> 4;
      default -> 1;
    };
  }
}
