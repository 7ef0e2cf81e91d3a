package org.libreconnect.worker.dates;

/** The digit layouts a birth date may arrive in. */
enum DateLayout {
  /** Six digits, no century: how older Vitale cards store a birth date. */
  YYMMDD,
  /** Eight digits, day first: the 8-digit layout JS2 documents for Vitale birth dates. */
  DDMMYYYY,
  /** Eight digits, year first: the layout of regularised dates. */
  YYYYMMDD;

  private static final int FIRST_PLAUSIBLE_YEAR = 1800;
  private static final int LAST_PLAUSIBLE_YEAR = 2199;

  /**
   * Tells the layout from the digits alone.
   *
   * <p>Eight digits are DDMMYYYY when their last four read as a year from 1800 to 2199, as JS2
   * documents DDMMYYYY; otherwise YYYYMMDD when their first four do. The two can only be confused
   * for a YYYYMMDD date whose month is 18 to 21, which no real month is.
   *
   * @param digits six or eight ASCII digits
   * @return the layout, or null when eight digits fit neither
   */
  static DateLayout of(String digits) {
    if (digits.length() == 6) {
      return YYMMDD;
    }
    if (isPlausibleYear(digits.substring(4, 8))) {
      return DDMMYYYY;
    }
    if (isPlausibleYear(digits.substring(0, 4))) {
      return YYYYMMDD;
    }
    return null;
  }

  private static boolean isPlausibleYear(String fourDigits) {
    int year = Integer.parseInt(fourDigits);
    return year >= FIRST_PLAUSIBLE_YEAR && year <= LAST_PLAUSIBLE_YEAR;
  }
}
