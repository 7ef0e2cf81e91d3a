package org.libreconnect.master.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkerKeyTest {
  @Test
  void sameOriginApplicationUserAndDomainShareAWorker() {
    String a = "https://a.test";
    assertThat(WorkerKey.of(a, "app", "bob", "HOSP")).isEqualTo(WorkerKey.of(a, "app", "bob", "HOSP"));
    assertThat(WorkerKey.of(a, "app", "bob", "HOSP")).isNotEqualTo(WorkerKey.of(a, "app", "alice", "HOSP"));
  }

  @Test
  void anotherOriginWithTheSameApplicationIdGetsAWorkerOfItsOwn() {
    assertThat(WorkerKey.of("https://a.test", "app", null, null))
        .isNotEqualTo(WorkerKey.of("https://b.test", "app", null, null));
  }

  @Test
  void sessionsWithoutApplicationIdShareOneWorkerPerOrigin() {
    assertThat(WorkerKey.of("https://a.test", null, null, null))
        .isEqualTo(WorkerKey.of("https://a.test", "", null, null));
    assertThat(WorkerKey.of("https://a.test", null, null, null))
        .isNotEqualTo(WorkerKey.of("https://b.test", null, null, null));
  }

  @Test
  void exitStatusesAreDescribedInWords() {
    assertThat(ExitStatus.describe(137)).isEqualTo("killed by SIGKILL (exit status 137)");
    assertThat(ExitStatus.describe(143)).contains("SIGTERM");
    assertThat(ExitStatus.describe(1)).isEqualTo("exit status 1");
  }

  @Test
  void commandLineCarriesTheMarkerButNoToken() {
    WorkerCommandLine line =
        new WorkerCommandLine(java.nio.file.Path.of("/jdk/bin/java"), "a.jar:b.jar",
            WorkerCommandLine.DEFAULT_JVM_OPTIONS, "-Dlibreconnect.home=/h", 4000,
            java.nio.file.Path.of("/h/logs/sessions/x"), 3);
    assertThat(line.toArgv())
        .startsWith("/jdk/bin/java")
        .contains("-Dlibreconnect.home=/h", WorkerCommandLine.MAIN_CLASS, "--link-port", "4000")
        .noneMatch(arg -> arg.contains("token"));
  }
}
