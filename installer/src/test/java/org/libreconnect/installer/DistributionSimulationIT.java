package org.libreconnect.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.ConnectorProcess;
import org.libreconnect.testsupport.Js2Client;

/**
 * The distribution as {@code bin/libreconnect} starts it: the simulators live in
 * {@code lib/simulation}, on the class path of a worker in simulation mode only. A production
 * worker (and the master) cannot load a class of {@code org.libreconnect.simulator}: no entry of
 * their class paths holds one.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DistributionSimulationIT {
  private static final String ORIGIN = "http://localhost:3000";
  private static final String SIMULATOR_PACKAGE = "org/libreconnect/simulator/";

  private final Path dist = Path.of("target", "libreconnect").toAbsolutePath();
  @TempDir Path homes;

  @Test
  void theDistributionKeepsTheSimulatorsApart() throws IOException {
    List<Path> simulation = jars(dist.resolve("lib/simulation"));
    assertThat(simulation).anyMatch(jar -> holdsSimulatorClasses(jar.toString()));
    assertThat(simulation.stream().map(jar -> jar.getFileName().toString()))
        .anyMatch(name -> name.startsWith("simulator-card-"))
        .anyMatch(name -> name.startsWith("simulator-dmp-"))
        .anyMatch(name -> name.startsWith("jcardsim-"));
    assertThat(jars(dist.resolve("lib"))).noneMatch(jar -> holdsSimulatorClasses(jar.toString()));
  }

  @Test
  void theDistributionCarriesNoSignedJar() throws IOException {
    List<Path> all = new java.util.ArrayList<>(jars(dist.resolve("lib")));
    all.addAll(jars(dist.resolve("lib/simulation")));
    assertThat(all).anyMatch(jar -> jar.getFileName().toString().startsWith("bcprov-"));
    for (Path jar : all) {
      assertThat(UnsignedJars.isSigned(jar)).as(jar.getFileName().toString()).isFalse();
    }
  }

  @Test
  void aProductionWorkerHasNoSimulatorOnItsClassPath() throws Exception {
    try (Master master = Master.start(dist, homes.resolve("production"), false)) {
      List<String> workerClassPath = classPath(master.worker());

      assertThat(workerClassPath).isNotEmpty().anyMatch(entry -> entry.contains("worker-"));
      assertThat(workerClassPath).noneMatch(entry -> entry.contains(File.separator + "simulation" + File.separator));
      assertThat(workerClassPath).noneMatch(DistributionSimulationIT::holdsSimulatorClasses);
      assertThat(classPath(master.process)).noneMatch(DistributionSimulationIT::holdsSimulatorClasses);
    }
  }

  @Test
  void aSimulationWorkerGetsTheSimulatorsAndShowsTheSimulatedCard() throws Exception {
    try (Master master = Master.start(dist, homes.resolve("simulation"), true)) {
      assertThat(classPath(master.worker())).anyMatch(DistributionSimulationIT::holdsSimulatorClasses);

      Js2Client client = new Js2Client(master.home.resolve("tls/ca.crt"), master.port);
      JsonNode session =
          client.call(ORIGIN, "{\"s_commandName\":\"hl_openSession\",\"i_timeoutInSeconds\":60}");
      assertThat(session.path("s_status").asText()).as(session.toString()).isEqualTo("OK");
      String id = session.path("s_sessionId").asText();
      JsonNode readers =
          client.call(ORIGIN, "{\"s_commandName\":\"hl_getPcscReaders\",\"s_sessionId\":\"" + id + "\"}");
      assertThat(readers.path("Readers").get(0).path("s_name").asText())
          .as(readers.toString())
          .isEqualTo("LibreConnect Simulated CPS Reader 0");
      JsonNode card =
          client.call(ORIGIN, "{\"s_commandName\":\"hl_getCpxCard\",\"i_readerNumber\":0,\"s_sessionId\":\"" + id + "\"}");
      assertThat(card.path("s_status").asText()).as(card.toString()).isEqualTo("OK");
    }
  }

  private static List<Path> jars(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
    }
  }

  private static boolean holdsSimulatorClasses(String entry) {
    Path path = Path.of(entry);
    if (Files.isDirectory(path)) {
      return Files.isDirectory(path.resolve(SIMULATOR_PACKAGE));
    }
    try (JarFile jar = new JarFile(path.toFile())) {
      return jar.stream().anyMatch(file -> file.getName().startsWith(SIMULATOR_PACKAGE));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + entry, e);
    }
  }

  /**
   * The {@code -cp} entries of a running JVM, from its command line ({@code /proc}: the JDK's
   * {@code ProcessHandle.Info} gives no arguments for a command line as long as a worker's).
   */
  private static List<String> classPath(ProcessHandle jvm) {
    String[] arguments = arguments(jvm);
    for (int i = 0; i < arguments.length - 1; i++) {
      if (arguments[i].equals("-cp") || arguments[i].equals("-classpath")) {
        List<String> entries = new ArrayList<>();
        for (String entry : arguments[i + 1].split(File.pathSeparator)) {
          if (entry.endsWith("*")) {
            try {
              jars(Path.of(entry.substring(0, entry.length() - 1))).forEach(jar -> entries.add(jar.toString()));
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          } else {
            entries.add(entry);
          }
        }
        return entries;
      }
    }
    throw new IllegalStateException("no -cp in " + List.of(arguments));
  }

  private static String[] arguments(ProcessHandle process) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"), StandardCharsets.UTF_8)
          .split("\0");
    } catch (IOException e) {
      return new String[0]; // the process ended
    }
  }

  /** {@code bin/libreconnect} on a home of its own, as an installation runs it. */
  private static final class Master implements AutoCloseable {
    final ConnectorProcess connector;
    final ProcessHandle process;
    final Path home;
    final int port;

    private Master(ConnectorProcess connector) {
      this.connector = connector;
      this.process = connector.handle();
      this.home = connector.home();
      this.port = connector.port();
    }

    static Master start(Path dist, Path home, boolean simulation) throws Exception {
      Files.createDirectories(home);
      Files.writeString(home.resolve("libreconnect.xml"), ConnectorProcess.config(1, simulation, null, ORIGIN));
      return new Master(ConnectorProcess.launch(home,
          List.of("bash", dist.resolve("bin/libreconnect").toString(), "--home", home.toString(), "--port", "0")));
    }

    /** The pre-started worker, once the master has started it. */
    ProcessHandle worker() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        Optional<ProcessHandle> worker =
            process.descendants()
                .filter(child -> List.of(arguments(child)).contains("-Dlibreconnect.role=worker"))
                .findFirst();
        if (worker.isPresent()) {
          return worker.get();
        }
        Thread.sleep(100);
      }
      throw new AssertionError("no worker process after 60 s");
    }

    /** Stops the master with SIGTERM, then makes sure its workers are gone too. */
    @Override
    public void close() {
      List<ProcessHandle> workers = process.descendants().toList();
      try {
        connector.close();
        for (ProcessHandle worker : workers) {
          if (!ConnectorProcess.awaitExit(worker.pid(), Duration.ofSeconds(10))) {
            worker.destroyForcibly();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        workers.forEach(ProcessHandle::destroyForcibly);
      }
    }
  }
}
