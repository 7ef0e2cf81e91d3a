package org.libreconnect.worker.dates;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Birth dates as Vitale cards hold them: completing the century, turning "lunar" dates into
 * calendar dates (JS2 {@code hl_convertLunarDateToStandardDate}, {@code hl_computeBirthDayCentury},
 * {@code hl_regularizeBirthDateIfNeeded}).
 *
 * <h2>Inputs</h2>
 *
 * Six digits are YYMMDD. Eight digits are DDMMYYYY (the layout JS2 documents) when their last four
 * digits read as a year from 1800 to 2199, otherwise YYYYMMDD when their first four do. Surrounding
 * white space is ignored; anything else raises {@link InvalidDateException}. Month and day may be
 * any two digits, since lunar dates are expected.
 *
 * <h2>Lunar dates</h2>
 *
 * A lunar date is one that is not on the calendar: the insurance records people born abroad whose
 * exact birth date is unknown with a month or a day outside the calendar (month 00 or above 12, day
 * 00 or past the month's end). The SESAM-Vitale billing specification (function "BS", case [CP02])
 * says that with a lunar month the birth date is brought back to 1 January of the birth year, and
 * that the card's lunar date itself is what goes to the insurance. Public material found says
 * nothing about lunar days, so these rules for days are our choice:
 *
 * <ul>
 *   <li>month 00 or 13-99: 1 January of the year (source above), whatever the day;
 *   <li>day 00: the 1st of the month;
 *   <li>day past the month's end (31/04, 30/02, 45/07): the month's last day, leap years counted when
 *       the year is known; without a century 29 February is kept, as it may be valid.
 * </ul>
 *
 * A date already on the calendar is returned unchanged.
 *
 * <h2>Century</h2>
 *
 * Older cards hold YYMMDD; the billing specification (case [CP03]) leaves the century to the
 * software. JS2 only tells that the beneficiary quality matters, 6 meaning a child. Our rule: the
 * century is the latest one that does not make the person too young, where "too young" means born
 * after this year for a child (quality 6) and less than {@value #MIN_ADULT_AGE_YEARS} years old by
 * year of birth for any other quality (insured person, spouse, ascendant...), 16 being the age at
 * which people have held their own card since 2001. This yields 19 or 20 for any {@code today} in
 * 2000-2099. Examples for 2026: a child "15xxxx" is 2015, an adult "15xxxx" is 1915 and an adult
 * "10xxxx" is 2010.
 *
 * <p>Sources and the reasoning are in {@code docs/birth-dates.md}.
 */
public final class BirthDates {

  /** Beneficiary quality ("qualité") of a child on a Vitale card. */
  public static final int QUALITY_CHILD = 6;

  /** Below this age, by year of birth, a beneficiary who is not a child is deemed a century older. */
  public static final int MIN_ADULT_AGE_YEARS = 16;

  private BirthDates() {}

  /**
   * Turns a lunar date into the nearest calendar date, in the same layout as the input.
   *
   * @param date YYMMDD, DDMMYYYY or YYYYMMDD, possibly lunar
   * @return the date unchanged if it is on the calendar, otherwise per the lunar rules above
   * @throws InvalidDateException when {@code date} is not in one of the layouts
   */
  public static String convertLunarToStandard(String date) {
    return RawDate.parse(date).standardized().format();
  }

  /**
   * Finds the century of a birth date, as the two digits to put before the year.
   *
   * @param date YYMMDD (possibly lunar); for an 8-digit date the century it contains is returned
   * @param quality the beneficiary quality read from the card; {@link #QUALITY_CHILD} for a child
   * @param today the current date, from the caller's clock
   * @return 19 or 20 for a 6-digit date (see the rule above), e.g. 19 for 1985
   * @throws InvalidDateException when {@code date} is not in one of the layouts
   */
  public static int computeCentury(String date, int quality, LocalDate today) {
    Objects.requireNonNull(today, "today");
    RawDate raw = RawDate.parse(date);
    if (!raw.lacksCentury()) {
      return raw.year() / 100;
    }
    int latestBirthYear = quality == QUALITY_CHILD ? today.getYear() : today.getYear() - MIN_ADULT_AGE_YEARS;
    int century = today.getYear() / 100;
    return century * 100 + raw.year() <= latestBirthYear ? century : century - 1;
  }

  /**
   * Makes a calendar date of a birth date read from a card: completes the century of a 6-digit
   * date, then applies the lunar rules with the full year known (so that 29 February of a
   * non-leap year becomes the 28th).
   *
   * @param date YYMMDD, DDMMYYYY or YYYYMMDD, possibly lunar
   * @param quality the beneficiary quality read from the card; {@link #QUALITY_CHILD} for a child
   * @param today the current date, from the caller's clock
   * @return a valid calendar date as YYYYMMDD
   * @throws InvalidDateException when {@code date} is not in one of the layouts
   */
  public static String regularize(String date, int quality, LocalDate today) {
    Objects.requireNonNull(today, "today");
    RawDate raw = RawDate.parse(date);
    int century = raw.lacksCentury() ? computeCentury(date, quality, today) : 0;
    return raw.toYearFirst(century).standardized().format();
  }
}
