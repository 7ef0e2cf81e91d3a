package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MachineClockTest {

  @Test
  void readsTheSystemTimeAndTheMachineZone() {
    MachineClock clock = new MachineClock();

    Instant before = Instant.now();
    Instant read = clock.instant();
    Instant after = Instant.now();

    assertThat(read).isBetween(before, after);
    assertThat(clock.millis()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(1_000L));
    assertThat(clock.getZone()).isEqualTo(ZoneId.systemDefault());
    assertThat(clock.toString()).contains(ZoneId.systemDefault().toString());
  }

  @Test
  void withZoneGivesTheSystemClockOfThatZone() {
    Clock paris = new MachineClock().withZone(ZoneId.of("Europe/Paris"));

    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(Duration.between(paris.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(1));
  }
}
