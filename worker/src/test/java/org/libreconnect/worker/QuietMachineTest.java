package org.libreconnect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QuietMachineTest {
  private static final Duration TICK = Duration.ofMillis(1);

  @Test
  void quietOnceEnoughPeriodsInARowAreUnderTheThreshold() throws Exception {
    // a first reading, then busy, quiet, busy (the count starts again), then four quiet periods
    Iterator<Double> loads = List.of(0.0, 0.9, 0.1, 0.8, 0.1, 0.2, 0.1, 0.3, 0.9).iterator();
    AtomicInteger read = new AtomicInteger();
    QuietMachine machine = new QuietMachine(() -> { read.incrementAndGet(); return loads.next(); }, TICK);

    assertThat(machine.await(Duration.ofSeconds(10), () -> true)).isTrue();
    assertThat(read).hasValue(8);
  }

  @Test
  void aBusyMachineIsWaitedForUntilTheDeadlineOnly() throws Exception {
    QuietMachine machine = new QuietMachine(() -> 0.95, TICK);

    assertThat(machine.await(Duration.ofMillis(50), () -> true)).isFalse();
  }

  @Test
  void itStopsWaitingWhenTheWorkIsNoLongerWanted() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    QuietMachine machine = new QuietMachine(() -> 0.95, TICK);

    assertThat(machine.await(Duration.ofSeconds(10), () -> asked.incrementAndGet() < 3)).isFalse();
  }

  @Test
  void aLoadThatCannotBeReadDoesNotHoldTheWorkBack() throws Exception {
    QuietMachine machine = new QuietMachine(() -> -1, TICK);

    assertThat(machine.await(Duration.ofSeconds(10), () -> true)).isTrue();
  }
}
