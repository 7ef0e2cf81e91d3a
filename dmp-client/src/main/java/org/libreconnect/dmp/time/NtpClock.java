package org.libreconnect.dmp.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Clock} whose time is the system clock plus the offset measured against a time server.
 * The offset is measured at the first read and again once it is older than the refresh period
 * (the DMP asks for a synchronisation at least every 24 h; PRE_TPS). When a refresh fails, the last
 * offset is kept until it is older than the maximum age; with no offset at all, reading the time
 * throws {@link TimeUnavailableException}.
 */
public final class NtpClock extends Clock {
  private static final Logger log = LoggerFactory.getLogger(NtpClock.class);

  private final TimeSource source;
  private final Clock system;
  private final Duration refresh;
  private final Duration maxAge;
  private final Object lock = new Object();
  private Duration offset;
  private Instant measuredAt;

  /**
   * @param source the time server
   * @param system the local clock (the system clock in production)
   * @param refresh how long an offset is used before asking again
   * @param maxAge how long an offset may still be used when asking again fails
   */
  public NtpClock(TimeSource source, Clock system, Duration refresh, Duration maxAge) {
    this.source = Objects.requireNonNull(source, "source");
    this.system = Objects.requireNonNull(system, "system");
    this.refresh = refresh;
    this.maxAge = maxAge;
  }

  @Override
  public Instant instant() {
    return system.instant().plus(currentOffset());
  }

  /** The offset in use, measuring it when needed. */
  public Duration currentOffset() {
    synchronized (lock) {
      Instant now = system.instant();
      if (offset == null || !now.isBefore(measuredAt.plus(refresh))) {
        try {
          offset = source.offset();
          measuredAt = now;
          log.info("ntp.sync server={} offsetMs={}", source, offset.toMillis());
        } catch (TimeUnavailableException e) {
          if (offset == null || !now.isBefore(measuredAt.plus(maxAge))) {
            throw e;
          }
          log.warn("ntp.sync.failed server={} keptOffsetMs={} reason={}", source, offset.toMillis(),
              e.getMessage());
        }
      }
      return offset;
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(this, Duration.ZERO).withZone(zone);
  }
}
