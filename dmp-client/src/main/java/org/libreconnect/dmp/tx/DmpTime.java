package org.libreconnect.dmp.tx;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Technical dates of DMP messages: UTC {@code yyyyMMddHHmmss} (dmp.md §1.6). */
public final class DmpTime {
  static final DateTimeFormatter HL7 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private DmpTime() {}

  public static String hl7(Instant instant) {
    return HL7.format(instant);
  }

  /** A JS2 date {@code YYYYMMDD[hhmmss]} as a 14-digit DMP date, padding the time. */
  static String fromJs2(String date) {
    String digits = date == null ? "" : date.replaceAll("[^0-9]", "");
    if (digits.length() < 8) {
      return null;
    }
    return (digits + "000000").substring(0, 14);
  }
}
