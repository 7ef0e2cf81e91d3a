package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.ConnectorProcess;

/** One worker JVM per application, crash isolation, no orphan after a master crash. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WorkerProcessesIT {
  @TempDir Path home;

  @Test
  void applicationsGetTheirOwnWorkerAndACrashStaysInItsSession() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, 1)) {
      String first = fixture.openSession("app-one");
      String second = fixture.openSession("app-two");
      String sameApp = fixture.openSession("app-one");
      long firstPid = fixture.workerPidOf(first);
      long secondPid = fixture.workerPidOf(second);
      assertThat(firstPid).isNotEqualTo(secondPid).isNotEqualTo(fixture.connector.pid());
      assertThat(fixture.workerPidOf(sameApp)).isEqualTo(firstPid);

      ProcessHandle.of(secondPid).orElseThrow().destroyForcibly(); // SIGKILL
      assertThat(ConnectorProcess.awaitExit(secondPid, Duration.ofSeconds(10))).isTrue();

      JsonNode broken =
          fixture.call("{\"s_commandName\":\"hl_getSessionDataSize\",\"s_sessionId\":\"" + second + "\"}");
      assertThat(broken.path("s_status").asText()).isEqualTo("ERROR");
      assertThat(broken.path("i_apiErrorType").asInt()).isEqualTo(6000);
      assertThat(broken.path("i_apiErrorCode").asInt()).isEqualTo(1);
      assertThat(broken.path("s_apiErrorDescription").asText())
          .contains("pid " + secondPid)
          .contains("SIGKILL")
          .contains("open a new session");

      JsonNode healthy =
          fixture.call("{\"s_commandName\":\"hl_getSessionDataSize\",\"s_sessionId\":\"" + first + "\"}");
      assertThat(healthy.path("s_status").asText()).isEqualTo("OK");
      String reopened = fixture.openSession("app-two");
      assertThat(fixture.workerPidOf(reopened)).isNotEqualTo(secondPid);
      assertThat(fixture.call("{\"s_commandName\":\"hl_closeSession\",\"s_sessionId\":\"" + second + "\"}")
              .path("s_status").asText()).isEqualTo("OK");
    }
  }

  /**
   * {@code server/fixed_class_data_address}: every worker maps the JDK's class-data archive at the
   * same address (so the pages are the file's, shared), and serves; by default each worker has its
   * own random address.
   */
  @Test
  void aFixedClassDataAddressPutsEveryWorkersArchiveAtOneAddress() throws Exception {
    String fixed = ConnectorProcess.config(0, ConnectorFixture.APP_ORIGIN)
        .replace("<prestarted_workers>", "<fixed_class_data_address>true</fixed_class_data_address>\n    <prestarted_workers>");
    List<String> fixedAddresses = new ArrayList<>();
    try (ConnectorFixture fixture = new ConnectorFixture(home, fixed)) {
      for (String application : List.of("fixed-one", "fixed-two")) {
        String session = fixture.openSession(application);
        long pid = fixture.workerPidOf(session);
        byte[] commandLine = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
        assertThat(new String(commandLine, StandardCharsets.UTF_8).split("\0"))
            .contains("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
        fixedAddresses.add(jdkArchiveAddress(pid));
        assertThat(fixture.call("{\"s_commandName\":\"hl_getSessionDataSize\",\"s_sessionId\":\"" + session + "\"}")
            .path("s_status").asText()).isEqualTo("OK");
      }
    }
    assertThat(fixedAddresses.get(0)).isEqualTo(fixedAddresses.get(1));

    // The JDK draws a relocated archive's address from a limited set of places (two workers were
    // once seen at the same one): four workers, which must be started without the option and not
    // all be at one address.
    List<String> randomAddresses = new ArrayList<>();
    try (ConnectorFixture fixture = new ConnectorFixture(home.resolve("default"), 0)) {
      for (String application : List.of("random-one", "random-two", "random-three", "random-four")) {
        long pid = fixture.workerPidOf(fixture.openSession(application));
        byte[] commandLine = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
        assertThat(new String(commandLine, StandardCharsets.UTF_8).split("\0"))
            .doesNotContain("-XX:ArchiveRelocationMode=0");
        randomAddresses.add(jdkArchiveAddress(pid));
      }
    }
    assertThat(randomAddresses.stream().distinct().count()).as("by default, each worker its own address: " + randomAddresses)
        .isGreaterThan(1);
  }

  /**
   * By default (ADR 0037) the workers of an installation whose class path is jars, as a
   * distribution's, map the installation's base class-data archive at one address, shared, drawn
   * for that installation: another installation's workers have theirs elsewhere, and neither
   * maps the JDK's own archive.
   */
  @Test
  void workersOfAnInstallationShareTheirClassDataAtAnAddressOfItsOwn() throws Exception {
    String jars = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    List<String> installations = new ArrayList<>();
    for (String installation : List.of("one", "two")) {
      Path installationHome = Files.createDirectories(home.resolve(installation));
      Files.writeString(installationHome.resolve("libreconnect.xml"), ConnectorProcess.config(0, ConnectorFixture.APP_ORIGIN));
      List<String> addresses = new ArrayList<>();
      try (ConnectorFixture fixture = new ConnectorFixture(ConnectorProcess.start(installationHome, jars, java.util.Map.of()))) {
        for (String application : List.of("shared-one", "shared-two")) {
          String session = fixture.openSession(application);
          long pid = fixture.workerPidOf(session);
          addresses.add(archiveAddress(pid, "/data/worker-base.jsa"));
          assertThat(Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps")))
              .noneMatch(line -> line.endsWith("/classes.jsa"));
          assertThat(fixture.call("{\"s_commandName\":\"hl_getSessionDataSize\",\"s_sessionId\":\"" + session + "\"}")
              .path("s_status").asText()).isEqualTo("OK");
        }
      }
      assertThat(addresses.get(0)).as("one address for the installation's workers").isEqualTo(addresses.get(1));
      installations.add(addresses.get(0));
    }
    assertThat(installations.get(0)).as("each installation its own address").isNotEqualTo(installations.get(1));
  }

  /** Where the process mapped the JDK's class-data archive ({@code lib/server/classes.jsa}) first. */
  private static String jdkArchiveAddress(long pid) throws Exception {
    return archiveAddress(pid, "/classes.jsa");
  }

  /** Where the process mapped the archive whose path ends with {@code suffix} first. */
  private static String archiveAddress(long pid, String suffix) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps"))) {
      if (line.endsWith(suffix)) {
        return line.substring(0, line.indexOf('-'));
      }
    }
    throw new AssertionError("worker " + pid + " maps no " + suffix);
  }

  @Test
  void sessionsWithoutApplicationIdShareOneWorkerPerOriginThatStopsWithTheLastOne() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, 0)) {
      String first = fixture.openSession(null);
      String second = fixture.openSession(null);
      long firstPid = fixture.workerPidOf(first);
      assertThat(fixture.workerPidOf(second)).isEqualTo(firstPid);
      fixture.call("{\"s_commandName\":\"hl_closeSession\",\"s_sessionId\":\"" + first + "\"}");
      assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive)).contains(true);
      fixture.call("{\"s_commandName\":\"hl_closeSession\",\"s_sessionId\":\"" + second + "\"}");
      assertThat(ConnectorProcess.awaitExit(firstPid, Duration.ofSeconds(15))).isTrue();
    }
  }

  @Test
  void killedMasterLeavesNoWorkerBehindAndRestartsCleanly() throws Exception {
    List<Long> workers = new ArrayList<>();
    ConnectorFixture fixture = new ConnectorFixture(home, 1);
    try {
      workers.add(fixture.workerPidOf(fixture.openSession("a")));
      workers.add(fixture.workerPidOf(fixture.openSession("b")));
      fixture.status().path("workers").forEach(w -> workers.add(w.path("pid").asLong()));
      fixture.connector.kill(); // SIGKILL: no shutdown hook runs
    } finally {
      fixture.connector.close();
    }
    for (long pid : workers) {
      assertThat(ConnectorProcess.awaitExit(pid, Duration.ofSeconds(15)))
          .as("worker %d exits when its master dies", pid).isTrue();
    }
    try (ConnectorFixture restarted = new ConnectorFixture(home, 1)) {
      String session = restarted.openSession("a");
      assertThat(restarted.call("{\"s_commandName\":\"hl_getSessionDataSize\",\"s_sessionId\":\"" + session + "\"}")
              .path("s_status").asText()).isEqualTo("OK");
    }
  }

  @Test
  void restartCleansAWorkerThatOutlivedItsMaster() throws Exception {
    ConnectorFixture fixture = new ConnectorFixture(home, 0);
    long worker;
    try {
      worker = fixture.workerPidOf(fixture.openSession("stuck"));
      // A stopped process cannot notice that its master died: it stays behind as a zombie.
      new ProcessBuilder("kill", "-STOP", Long.toString(worker)).start().waitFor();
      fixture.connector.kill();
    } finally {
      fixture.connector.close();
    }
    assertThat(ProcessHandle.of(worker).map(ProcessHandle::isAlive)).contains(true);
    try (ConnectorFixture restarted = new ConnectorFixture(home, 0)) {
      assertThat(ConnectorProcess.awaitExit(worker, Duration.ofSeconds(15)))
          .as("the new master ends the leftover worker").isTrue();
      assertThat(restarted.connector.output()).isNotEmpty();
    } finally {
      ProcessHandle.of(worker).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void persistentDataSurvivesAWorkerRestart() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, 0)) {
      String session = fixture.openSession("keeper");
      fixture.call("{\"s_commandName\":\"hl_setPersistantData\",\"s_sessionId\":\"" + session
          + "\",\"s_persistantData64\":\"c3RheQ==\"}");
      long pid = fixture.workerPidOf(session);
      fixture.call("{\"s_commandName\":\"hl_closeSession\",\"s_sessionId\":\"" + session + "\"}");
      assertThat(ConnectorProcess.awaitExit(pid, Duration.ofSeconds(15))).isTrue();
      String again = fixture.openSession("keeper");
      assertThat(fixture.workerPidOf(again)).isNotEqualTo(pid);
      assertThat(fixture.call("{\"s_commandName\":\"hl_getPersistantData\",\"s_sessionId\":\"" + again + "\"}")
              .path("s_persistantData64").asText()).isEqualTo("c3RheQ==");
    }
  }
}
