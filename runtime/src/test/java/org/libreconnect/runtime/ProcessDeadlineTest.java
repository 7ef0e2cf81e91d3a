package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessDeadlineTest {

  @Test
  void aProcessThatEndsInTimeGivesItsExitValue() throws Exception {
    Process process = new ProcessBuilder("sh", "-c", "exit 3").start();
    assertThat(ProcessDeadline.await(process, Duration.ofSeconds(10), "a test")).isEqualTo(3);
  }

  @Test
  void aProcessPastItsDeadlineIsKilledAndTheWaitFails() throws Exception {
    Process process = new ProcessBuilder("sleep", "30").start();
    assertThatThrownBy(() -> ProcessDeadline.await(process, Duration.ofMillis(200), "the nap"))
        .isInstanceOf(IOException.class)
        .hasMessage("the nap did not end within 200 ms");
    assertThat(process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).as("killed").isTrue();
  }
}
