package org.libreconnect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkerArgumentsTest {

  @Test
  void readsTheThreeOptionsInAnyOrder() {
    WorkerArguments arguments =
        WorkerArguments.parse("--worker-id", "w7", "--log-dir", "/tmp/logs", "--link-port", "4567");

    assertThat(arguments).isEqualTo(new WorkerArguments(4567, Path.of("/tmp/logs"), "w7"));
  }

  @Test
  void aUsersWorkerIsToldToReadItsConfigurationFromStandardInput() {
    assertThat(WorkerArguments.parse("--link-port", "4567", "--log-dir", "/l", "--worker-id", "w7")
        .configOnStdin()).isFalse();
    assertThat(WorkerArguments.parse("--link-port", "4567", "--config-stdin", "--log-dir", "/l", "--worker-id", "w7"))
        .isEqualTo(new WorkerArguments(4567, Path.of("/l"), "w7", true));
  }

  @Test
  void namesWhatIsWrong() {
    assertThatThrownBy(() -> WorkerArguments.parse("--log-dir", "/l", "--worker-id", "w"))
        .hasMessage("--link-port is missing");
    assertThatThrownBy(() -> WorkerArguments.parse("--link-port", "1", "--verbose"))
        .hasMessage("unknown argument \"--verbose\"");
    assertThatThrownBy(() -> WorkerArguments.parse("--link-port"))
        .hasMessage("--link-port needs a value");
    assertThatThrownBy(
            () ->
                WorkerArguments.parse(
                    "--link-port", "70000", "--log-dir", "/l", "--worker-id", "w"))
        .hasMessageContaining("is not a port");
    assertThatThrownBy(() -> WorkerArguments.parse("--link-port", "1", "--log-dir", "/l"))
        .hasMessage("--worker-id is missing");
  }
}
