package org.libreconnect.worker.dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BirthDatesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 5, 15);

  @ParameterizedTest(name = "{0} -> {1} ({2})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          850312   | 850312   | calendar date, YYMMDD, unchanged
          12031985 | 12031985 | calendar date, DDMMYYYY, unchanged
          19850312 | 19850312 | calendar date, YYYYMMDD, unchanged
          19122000 | 19122000 | DDMMYYYY even though it starts like a year
          850012   | 850101   | month 00 -> 1 January
          851312   | 850101   | month 13 -> 1 January
          859931   | 850101   | month 99 -> 1 January, whatever the day
          15201985 | 01011985 | month 20, DDMMYYYY -> 1 January
          19850012 | 19850101 | month 00, YYYYMMDD -> 1 January
          20001319 | 20000101 | month 13, YYYYMMDD (last four digits are no year)
          850000   | 850101   | month and day 00
          850300   | 850301   | day 00 -> the 1st
          00031985 | 01031985 | day 00, DDMMYYYY
          850431   | 850430   | 31 April -> 30 April
          31041985 | 30041985 | 31 April, DDMMYYYY
          850199   | 850131   | day 99 -> the month's last day
          850229   | 850229   | 29 February without a century may be valid
          850231   | 850229   | 31 February without a century -> 29
          29021985 | 28021985 | 29 February of a common year -> 28
          29022000 | 29022000 | 29 February of 2000, a leap year
          29021900 | 28021900 | 1900 is not a leap year
          30022024 | 29022024 | 30 February of a leap year -> 29
          20240230 | 20240229 | same, YYYYMMDD
          ' 850312 '| 850312  | surrounding blanks are ignored
          """)
  void convertLunarToStandard(String input, String expected, String why) {
    assertThat(BirthDates.convertLunarToStandard(input)).as(why).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}, quality {1}, on {2} -> {3}")
  @CsvSource(
      textBlock =
          """
          260101, 6, 2026-05-15, 20
          261231, 6, 2026-05-15, 20
          270101, 6, 2026-05-15, 19
          000101, 6, 2026-05-15, 20
          150101, 6, 2026-05-15, 20
          990101, 6, 2026-05-15, 19
          100101, 0, 2026-05-15, 20
          110101, 0, 2026-05-15, 19
          150101, 0, 2026-05-15, 19
          050101, 0, 2026-05-15, 20
          260101, 0, 2026-05-15, 19
          850101, 0, 2026-05-15, 19
          080101, 2, 2026-05-15, 20
          120101, 9, 2026-05-15, 19
          100101, 0, 2026-01-01, 20
          110101, 0, 2027-12-31, 20
          990101, 6, 1999-06-01, 19
          000101, 6, 1999-06-01, 19
          050101, 6, 2005-01-01, 20
          000101, 0, 2005-01-01, 19
          850012, 0, 2026-05-15, 19
          12031985, 0, 2026-05-15, 19
          01012015, 6, 2026-05-15, 20
          20050312, 0, 2026-05-15, 20
          """)
  void computeCentury(String date, int quality, LocalDate today, int expected) {
    assertThat(BirthDates.computeCentury(date, quality, today)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}, quality {1}, on {2} -> {3}")
  @CsvSource(
      textBlock =
          """
          850312, 0, 2026-05-15, 19850312
          050312, 6, 2026-05-15, 20050312
          050312, 0, 2026-05-15, 20050312
          150312, 6, 2026-05-15, 20150312
          150312, 0, 2026-05-15, 19150312
          260101, 6, 2026-05-15, 20260101
          260101, 0, 2026-05-15, 19260101
          850012, 0, 2026-05-15, 19850101
          851300, 6, 2026-05-15, 19850101
          850431, 0, 2026-05-15, 19850430
          960229, 0, 2026-05-15, 19960229
          970229, 0, 2026-05-15, 19970228
          000229, 6, 2026-05-15, 20000229
          000229, 0, 2015-03-01, 19000228
          000231, 0, 2026-05-15, 20000229
          12031985, 0, 2026-05-15, 19850312
          31021985, 6, 2026-05-15, 19850228
          00001985, 0, 2026-05-15, 19850101
          19850431, 0, 2026-05-15, 19850430
          20240230, 6, 2026-05-15, 20240229
          """)
  void regularize(String date, int quality, LocalDate today, String expected) {
    assertThat(BirthDates.regularize(date, quality, today)).isEqualTo(expected);
  }

  @Test
  void regularizeAlwaysGivesACalendarDate() {
    DateTimeFormatter strict = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    for (String year : new String[] {"00", "24", "25", "99"}) {
      for (int month = 0; month <= 99; month++) {
        for (int day = 0; day <= 99; day++) {
          String date = year + "%02d%02d".formatted(month, day);
          for (int quality : new int[] {0, BirthDates.QUALITY_CHILD}) {
            String regular = BirthDates.regularize(date, quality, TODAY);
            LocalDate parsed = LocalDate.parse(regular, strict);
            assertThat(parsed.getYear() % 100).as(date).isEqualTo(Integer.parseInt(year));
          }
        }
      }
    }
  }

  @Test
  void aCalendarDateIsNeverChanged() {
    DateTimeFormatter yymmdd = DateTimeFormatter.ofPattern("yyMMdd");
    DateTimeFormatter ddmmyyyy = DateTimeFormatter.ofPattern("ddMMyyyy");
    for (LocalDate day = LocalDate.of(1995, 1, 1); day.getYear() < 1997; day = day.plusDays(1)) {
      assertThat(BirthDates.convertLunarToStandard(day.format(yymmdd))).isEqualTo(day.format(yymmdd));
      assertThat(BirthDates.convertLunarToStandard(day.format(ddmmyyyy))).isEqualTo(day.format(ddmmyyyy));
      assertThat(BirthDates.regularize(day.format(ddmmyyyy), 0, TODAY))
          .isEqualTo(day.format(DateTimeFormatter.BASIC_ISO_DATE));
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "85031",
        "8503121",
        "123456789",
        "85-03-12",
        "abcdef",
        "8503 2",
        "+85031",
        "１２３４５６",
        "00001700",
        "17000000"
      })
  void invalidInputIsRefusedByEveryFunction(String input) {
    assertThatThrownBy(() -> BirthDates.convertLunarToStandard(input)).isInstanceOf(InvalidDateException.class);
    assertThatThrownBy(() -> BirthDates.computeCentury(input, 0, TODAY)).isInstanceOf(InvalidDateException.class);
    assertThatThrownBy(() -> BirthDates.regularize(input, 6, TODAY)).isInstanceOf(InvalidDateException.class);
  }

  @Test
  void theExceptionNamesTheValueAndIsAnIllegalArgument() {
    assertThatThrownBy(() -> BirthDates.convertLunarToStandard("12ab56"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"12ab56\"")
        .satisfies(e -> assertThat(((InvalidDateException) e).value()).isEqualTo("12ab56"));
    assertThatThrownBy(() -> BirthDates.convertLunarToStandard(null)).hasMessageContaining("no birth date");
  }
}
