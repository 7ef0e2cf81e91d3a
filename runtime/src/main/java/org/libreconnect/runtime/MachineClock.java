package org.libreconnect.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the machine's time zone, as {@link Clock#systemDefaultZone()}, except that
 * the zone is looked up the first time it is asked for, not when the clock is made. Looking up a
 * zone loads {@code java.time}'s zone rules, whose providers are searched in every jar of the class
 * path; a worker makes its clock before its hello and reads the zone only later.
 */
public final class MachineClock extends Clock {
  private volatile ZoneId zone;

  @Override
  public ZoneId getZone() {
    ZoneId known = zone;
    if (known == null) {
      known = ZoneId.systemDefault();
      zone = known;
    }
    return known;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return Clock.system(other);
  }

  @Override
  public long millis() {
    return System.currentTimeMillis();
  }

  @Override
  public Instant instant() {
    return Instant.now();
  }

  @Override
  public String toString() {
    return "MachineClock[" + (zone == null ? "zone not read yet" : zone) + "]";
  }
}
