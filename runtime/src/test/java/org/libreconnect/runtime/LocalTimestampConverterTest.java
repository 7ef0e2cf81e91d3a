package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class LocalTimestampConverterTest {
  private static final DateTimeFormatter JAVA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  private static final List<String> ZONES =
      List.of("UTC", "Europe/Paris", "America/St_Johns", "Asia/Kolkata", "Pacific/Chatham", "America/Los_Angeles",
          "Indian/Reunion", "America/Cayenne", "Pacific/Noumea");

  private static final List<String> INSTANTS =
      List.of(
          "2026-12-05T01:23:45.678Z",
          "2026-03-29T00:59:59.999Z", // Paris: the last millisecond before summer time
          "2026-03-29T01:00:00.000Z", // and the first of it
          "2026-10-25T00:59:59.999Z",
          "2026-10-25T01:00:00.000Z",
          "2028-02-29T23:59:59.001Z",
          "1970-01-01T00:00:00.000Z",
          "1969-12-31T23:59:59.999Z",
          "2038-01-19T03:14:08.010Z");

  @Test
  void writesWhatTheDatePatternWroteInEveryZone() {
    for (String zone : ZONES) {
      LocalTimestampConverter converter = new LocalTimestampConverter(TimeZone.getTimeZone(zone));
      for (String instant : INSTANTS) {
        Instant at = Instant.parse(instant);
        assertThat(converter.format(at.toEpochMilli()))
            .as("%s in %s", instant, zone)
            .isEqualTo(JAVA_TIME.format(at.atZone(ZoneId.of(zone))));
      }
    }
  }

  @Test
  void eachMillisecondOfASecondKeepsItsOwnDigitsWhileTheSecondIsReused() {
    LocalTimestampConverter converter = new LocalTimestampConverter(TimeZone.getTimeZone("Europe/Paris"));
    long second = Instant.parse("2026-07-14T10:00:00Z").toEpochMilli();

    assertThat(converter.format(second + 7)).isEqualTo("2026-07-14T12:00:00.007+02:00");
    assertThat(converter.format(second + 999)).isEqualTo("2026-07-14T12:00:00.999+02:00");
    assertThat(converter.format(second + 1000)).isEqualTo("2026-07-14T12:00:01.000+02:00");
    assertThat(converter.format(second - 1)).isEqualTo("2026-07-14T11:59:59.999+02:00");
  }

  @Test
  void offsetIsZForUtcAndSignedHoursAndMinutesOtherwise() {
    assertThat(LocalTimestampConverter.offset(0)).isEqualTo("Z");
    assertThat(LocalTimestampConverter.offset(3_600_000)).isEqualTo("+01:00");
    assertThat(LocalTimestampConverter.offset(-(3 * 3_600_000 + 30 * 60_000))).isEqualTo("-03:30");
    assertThat(LocalTimestampConverter.offset(12 * 3_600_000 + 45 * 60_000)).isEqualTo("+12:45");
  }
}
