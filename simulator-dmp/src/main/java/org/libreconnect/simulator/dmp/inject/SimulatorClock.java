package org.libreconnect.simulator.dmp.inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** The simulated DMP's own clock: a base clock shifted by an offset that tests can change. */
public final class SimulatorClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset;

  /** A clock following {@code base}, with no offset. */
  public SimulatorClock(Clock base) {
    this(base, new AtomicReference<>(Duration.ZERO));
  }

  private SimulatorClock(Clock base, AtomicReference<Duration> offset) {
    this.base = Objects.requireNonNull(base, "base");
    this.offset = offset;
  }

  /** Shifts the clock by {@code shift} from the base clock (negative: the DMP is late). */
  public void setOffset(Duration shift) {
    offset.set(Objects.requireNonNull(shift, "shift"));
  }

  /** The current shift from the base clock. */
  public Duration offset() {
    return offset.get();
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new SimulatorClock(base.withZone(zone), offset);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }
}
