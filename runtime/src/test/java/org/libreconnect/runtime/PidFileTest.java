package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PidFileTest {

  @Test
  void roundTrip() {
    PidFile recorded =
        new PidFile("worker", 5151, Optional.of(Instant.ofEpochMilli(1_700_000_000_123L)));

    assertThat(recorded.fileName()).isEqualTo("worker-5151.pid");
    assertThat(recorded.content()).isEqualTo("5151\n1700000000123\n");
    assertThat(PidFile.parse(recorded.fileName(), recorded.content())).contains(recorded);
  }

  @Test
  void unknownStartInstantIsAnEmptyLine() {
    PidFile recorded = new PidFile("master", 4242, Optional.empty());

    assertThat(recorded.content()).isEqualTo("4242\n\n");
    assertThat(PidFile.parse("master-4242.pid", "4242\n\n")).contains(recorded);
  }

  @Test
  void malformedFilesAreNotParsed() {
    assertThat(PidFile.parse("worker-5151.pid", "5152\n\n")).isEmpty();
    assertThat(PidFile.parse("worker-5151.pid", "5151")).isEmpty();
    assertThat(PidFile.parse("worker-5151.pid", "5151\nyesterday\n")).isEmpty();
    assertThat(PidFile.parse("worker-0.pid", "0\n\n")).isEmpty();
    assertThat(PidFile.parse("Worker-5151.pid", "5151\n\n")).isEmpty();
    assertThat(PidFile.parse("worker-99999999999999999999.pid", "1\n\n")).isEmpty();
    assertThat(PidFile.parse("worker5151.pid", "5151\n\n")).isEmpty();
  }

  @Test
  void startInstantsCompareToTheMillisecondAndUnknownMatches() {
    Instant start = Instant.ofEpochMilli(1_700_000_000_123L);
    PidFile known = new PidFile("worker", 1, Optional.of(start));

    assertThat(known.startMatches(Optional.of(start.plusNanos(10_000)))).isTrue();
    assertThat(known.startMatches(Optional.of(start.plusMillis(1)))).isFalse();
    assertThat(known.startMatches(Optional.empty())).isTrue();
    assertThat(new PidFile("worker", 1, Optional.empty()).startMatches(Optional.of(start)))
        .isTrue();
  }

  @Test
  void roleAndPidAreChecked() {
    assertThatIllegalArgumentException().isThrownBy(() -> new PidFile("", 1, Optional.empty()));
    assertThatIllegalArgumentException().isThrownBy(() -> new PidFile("a-b", 1, Optional.empty()));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PidFile("worker", 0, Optional.empty()))
        .withMessage("pid: 0 is not a process id");
  }
}
