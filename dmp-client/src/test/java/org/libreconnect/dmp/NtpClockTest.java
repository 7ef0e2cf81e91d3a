package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.libreconnect.dmp.time.NtpClock;
import org.libreconnect.dmp.time.TimeSource;
import org.libreconnect.dmp.time.TimeUnavailableException;

class NtpClockTest {
  static final Instant T0 = Instant.parse("2026-03-15T10:00:00Z");

  static final class MovingClock extends Clock {
    Instant now = T0;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  static final class ScriptedSource implements TimeSource {
    final Deque<Object> answers = new ArrayDeque<>();
    final AtomicInteger asked = new AtomicInteger();

    @Override
    public Duration offset() {
      asked.incrementAndGet();
      Object next = answers.isEmpty() ? new TimeUnavailableException("ntp:123", "no answer", null) : answers.poll();
      if (next instanceof RuntimeException e) {
        throw e;
      }
      return (Duration) next;
    }
  }

  @Test
  void offsetIsMeasuredOnceAndReusedUntilTheRefresh() {
    MovingClock system = new MovingClock();
    ScriptedSource source = new ScriptedSource();
    source.answers.add(Duration.ofSeconds(30));
    source.answers.add(Duration.ofSeconds(31));
    NtpClock clock = new NtpClock(source, system, Duration.ofMinutes(30), Duration.ofHours(24));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(30));
    system.now = T0.plusSeconds(600);
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(630));
    assertThat(source.asked).hasValue(1);
    system.now = T0.plus(Duration.ofMinutes(31));
    assertThat(clock.currentOffset()).isEqualTo(Duration.ofSeconds(31));
    assertThat(source.asked).hasValue(2);
  }

  @Test
  void aFailedRefreshKeepsTheOffsetUntilItIsTooOld() {
    MovingClock system = new MovingClock();
    ScriptedSource source = new ScriptedSource();
    source.answers.add(Duration.ofSeconds(-5));
    NtpClock clock = new NtpClock(source, system, Duration.ofMinutes(30), Duration.ofHours(24));
    clock.instant();
    system.now = T0.plus(Duration.ofHours(2));
    assertThat(clock.currentOffset()).isEqualTo(Duration.ofSeconds(-5));
    system.now = T0.plus(Duration.ofHours(25));
    assertThatThrownBy(clock::instant).isInstanceOf(TimeUnavailableException.class);
  }

  @Test
  void withoutAnyOffsetReadingTheTimeFailsClearly() {
    NtpClock clock = new NtpClock(new ScriptedSource(), new MovingClock(), Duration.ofMinutes(30), Duration.ofHours(24));
    assertThatThrownBy(clock::instant).isInstanceOf(TimeUnavailableException.class).hasMessage("no answer");
  }
}
