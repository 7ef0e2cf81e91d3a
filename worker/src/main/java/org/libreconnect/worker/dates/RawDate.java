package org.libreconnect.worker.dates;

import java.time.Month;
import java.time.YearMonth;

/**
 * A birth date as written, possibly lunar (month or day outside the calendar).
 *
 * @param layout the layout it was read in, and is written back in
 * @param year the four-digit year, or the two-digit year when the layout is {@link DateLayout#YYMMDD}
 * @param month 0 to 99
 * @param day 0 to 99
 */
record RawDate(DateLayout layout, int year, int month, int day) {

  static RawDate parse(String text) {
    if (text == null) {
      throw new InvalidDateException(null, "expected YYMMDD, DDMMYYYY or YYYYMMDD");
    }
    String digits = text.strip();
    if (digits.length() != 6 && digits.length() != 8) {
      throw new InvalidDateException(text, "expected 6 or 8 digits, found " + digits.length() + " characters");
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidDateException(text, "expected only the digits 0 to 9");
      }
    }
    DateLayout layout = DateLayout.of(digits);
    if (layout == null) {
      throw new InvalidDateException(text, "neither DDMMYYYY nor YYYYMMDD with a year from 1800 to 2199");
    }
    return switch (layout) {
      case YYMMDD -> new RawDate(layout, number(digits, 0, 2), number(digits, 2, 4), number(digits, 4, 6));
      case DDMMYYYY -> new RawDate(layout, number(digits, 4, 8), number(digits, 2, 4), number(digits, 0, 2));
      case YYYYMMDD -> new RawDate(layout, number(digits, 0, 4), number(digits, 4, 6), number(digits, 6, 8));
    };
  }

  /** True when the year has no century (YYMMDD). */
  boolean lacksCentury() {
    return layout == DateLayout.YYMMDD;
  }

  /**
   * This date as YYYYMMDD.
   *
   * @param centuryIfMissing put in front of a two-digit year (e.g. 19); ignored for 8-digit dates
   */
  RawDate toYearFirst(int centuryIfMissing) {
    int fullYear = lacksCentury() ? centuryIfMissing * 100 + year : year;
    return new RawDate(DateLayout.YYYYMMDD, fullYear, month, day);
  }

  /**
   * The nearest calendar date by the rules in {@link BirthDates}: a month outside 01-12 gives 1
   * January of the year; a day 00 gives the 1st; a day past the month's end gives its last day.
   * Without a century, 29 February is kept as it may be valid.
   */
  RawDate standardized() {
    if (month < 1 || month > 12) {
      return new RawDate(layout, year, 1, 1);
    }
    int lastDay = lacksCentury() ? Month.of(month).maxLength() : YearMonth.of(year, month).lengthOfMonth();
    return new RawDate(layout, year, month, Math.max(1, Math.min(day, lastDay)));
  }

  String format() {
    return switch (layout) {
      case YYMMDD -> "%02d%02d%02d".formatted(year, month, day);
      case DDMMYYYY -> "%02d%02d%04d".formatted(day, month, year);
      case YYYYMMDD -> "%04d%02d%02d".formatted(year, month, day);
    };
  }

  private static int number(String digits, int from, int to) {
    return Integer.parseInt(digits, from, to, 10);
  }
}
