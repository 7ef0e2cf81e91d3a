package org.libreconnect.dmp.tx;

import org.libreconnect.protocol.error.InvalidParameterException;

/** JS2 DocumentFormat ↔ XDS formatCode and MIME type of the wrapped content (CDA R2 level 1). */
final class DocumentFormats {
  static final String PDF_FORMAT = "urn:ihe:iti:xds-sd:pdf:2008";
  static final String TEXT_FORMAT = "urn:ihe:iti:xds-sd:text:2008";
  static final String FORMAT_SYSTEM = "1.3.6.1.4.1.19376.1.2.3";

  private DocumentFormats() {}

  /** The MIME type of content in JS2 format {@code format}; only formats the DMP takes as CDA level 1. */
  static String mimeType(int format) {
    return switch (format) {
      case 1 -> "text/plain";
      case 2 -> "text/rtf";
      case 3 -> "image/jpeg";
      case 4 -> "image/tiff";
      case 5 -> "application/pdf";
      default -> throw new InvalidParameterException("i_documentFormat",
          "must be 1 (text), 2 (RTF), 3 (JPEG), 4 (TIFF) or 5 (PDF)");
    };
  }

  /** The XDS format code for JS2 format {@code format}. */
  static String formatCode(int format) {
    return format == 5 ? PDF_FORMAT : TEXT_FORMAT;
  }

  static int ofFormatCode(String formatCode, String mimeType) {
    if (PDF_FORMAT.equals(formatCode)) {
      return 5;
    }
    if (TEXT_FORMAT.equals(formatCode)) {
      return 1;
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
