package org.libreconnect.runtime;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.LocalDate;
import java.util.TimeZone;

/**
 * The time of a log line in the machine's zone, as {@code 2026-12-05T01:23:45.678+01:00} ({@code Z}
 * for UTC): what {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}} writes, without {@code java.time}'s zone
 * rules. Those load through {@code ServiceLoader}, a search of every jar of the class path, which
 * would open them all while a worker starts; {@link TimeZone} reads the same time-zone database
 * directly. The offset is the one in force at each event's instant, summer time included.
 */
public final class LocalTimestampConverter extends ClassicConverter {
  /** The pattern word, as in {@code %localTime}. */
  public static final String WORD = "localTime";

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final TimeZone zone;

  /** The text of the last second written, shared by the threads that log. */
  private volatile Second last = new Second(Long.MIN_VALUE, "", "");

  private record Second(long epochSecond, String dateAndTime, String offset) {}

  /** In the machine's zone: made by Logback for each pattern that names {@value #WORD}. */
  public LocalTimestampConverter() {
    this(TimeZone.getDefault());
  }

  LocalTimestampConverter(TimeZone zone) {
    this.zone = (TimeZone) zone.clone();
  }

  @Override
  public String convert(ILoggingEvent event) {
    return format(event.getTimeStamp());
  }

  String format(long epochMillis) {
    long epochSecond = Math.floorDiv(epochMillis, 1000);
    int millis = (int) Math.floorMod(epochMillis, 1000);
    Second second = last;
    if (second.epochSecond() != epochSecond) {
      second = second(epochSecond);
      last = second;
    }
    StringBuilder text = new StringBuilder(29).append(second.dateAndTime()).append('.');
    pad(text, millis, 3);
    return text.append(second.offset()).toString();
  }

  private Second second(long epochSecond) {
    int offsetMillis = zone.getOffset(epochSecond * 1000);
    long local = epochSecond * 1000 + offsetMillis;
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, MILLIS_PER_DAY));
    int secondOfDay = (int) (Math.floorMod(local, MILLIS_PER_DAY) / 1000);
    StringBuilder text = new StringBuilder(19);
    pad(text, date.getYear(), 4);
    text.append('-');
    pad(text, date.getMonthValue(), 2);
    text.append('-');
    pad(text, date.getDayOfMonth(), 2);
    text.append('T');
    pad(text, secondOfDay / 3600, 2);
    text.append(':');
    pad(text, secondOfDay / 60 % 60, 2);
    text.append(':');
    pad(text, secondOfDay % 60, 2);
    return new Second(epochSecond, text.toString(), offset(offsetMillis));
  }

  /** {@code XXX}: Z, or the sign, hours and minutes of the offset. */
  static String offset(int offsetMillis) {
    if (offsetMillis == 0) {
      return "Z";
    }
    int minutes = Math.abs(offsetMillis) / 60_000;
    StringBuilder text = new StringBuilder(6).append(offsetMillis < 0 ? '-' : '+');
    pad(text, minutes / 60, 2);
    text.append(':');
    pad(text, minutes % 60, 2);
    return text.toString();
  }

  private static void pad(StringBuilder text, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      text.append('0');
    }
    text.append(digits);
  }
}
