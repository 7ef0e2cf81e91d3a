package org.libreconnect.worker;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * Waits for the machine's processors to be mostly idle, so that work done ahead of need (a
 * pre-started worker's rehearsals) does not compete with the work an application is waiting for:
 * on the two cores of a typical workstation, a rehearsal that runs while another worker serves its
 * first DMP transactions makes them several times slower.
 */
final class QuietMachine {
  /** System-wide processor use (0 to 1) under which the machine counts as quiet. */
  static final double QUIET = 0.35;
  static final Duration PERIOD = Duration.ofMillis(250);
  /** How many periods in a row must be quiet. */
  static final int QUIET_PERIODS = 4;

  private final DoubleSupplier cpuLoad;
  private final Duration period;

  QuietMachine(DoubleSupplier cpuLoad, Duration period) {
    this.cpuLoad = cpuLoad;
    this.period = period;
  }

  /** The machine's own measure: the JDK's system-wide processor load over the last period. */
  static QuietMachine system() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return new QuietMachine(os::getCpuLoad, PERIOD);
    }
    return new QuietMachine(() -> -1, PERIOD);
  }

  /**
   * Returns true once {@link #QUIET_PERIODS} periods in a row were quiet (or at once when the load
   * cannot be read), false when {@code giveUp} passed first or {@code stillWanted} turned false.
   */
  boolean await(Duration giveUp, BooleanSupplier stillWanted) throws InterruptedException {
    long deadline = System.nanoTime() + giveUp.toNanos();
    int quiet = 0;
    cpuLoad.getAsDouble(); // the first reading covers an unknown interval
    while (stillWanted.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(period);
      double load = cpuLoad.getAsDouble();
      if (load < 0) {
        return stillWanted.getAsBoolean();
      }
      quiet = load < QUIET ? quiet + 1 : 0;
      if (quiet >= QUIET_PERIODS) {
        return stillWanted.getAsBoolean();
      }
    }
    return false;
  }
}
