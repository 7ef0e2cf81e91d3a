package org.libreconnect.worker;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The events of a persistent command: {@code source} is polled after {@code firstDelay}, then every
 * {@code period}; each event it returns goes to the client with {@code s_status} OK.
 */
public record EventStream(Duration firstDelay, Duration period, Source source)
    implements StreamEvents {

  /** Produces the next event, or nothing when there is nothing new to tell. */
  @FunctionalInterface
  public interface Source {

    /** Called at each tick; an exception ends the stream with an error answer. */
    Optional<Object> poll();
  }

  public EventStream {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(source, "source");
    if (period == null || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be positive, was " + period);
    }
  }
}
