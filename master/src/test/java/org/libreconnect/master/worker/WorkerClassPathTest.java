package org.libreconnect.master.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which jars a worker gets: the simulators' only in simulation mode. */
class WorkerClassPathTest {
  @TempDir Path dist;
  private Path lib;
  private Path simulation;
  private String masterClassPath;

  @BeforeEach
  void layout() throws Exception {
    lib = Files.createDirectories(dist.resolve("lib"));
    simulation = Files.createDirectories(lib.resolve("simulation"));
    Files.createFile(lib.resolve("worker.jar"));
    Files.createFile(lib.resolve("master.jar"));
    Files.createFile(simulation.resolve("simulator-card.jar"));
    Files.createFile(simulation.resolve("jcardsim.jar"));
    Files.createFile(simulation.resolve("README.txt"));
    masterClassPath =
        String.join(File.pathSeparator, lib.resolve("master.jar").toString(), lib.resolve("worker.jar").toString());
  }

  @Test
  void productionWorkerGetsTheMasterClassPathOnly() {
    String classPath = WorkerClassPath.of(masterClassPath, false, Optional.of(simulation));

    assertThat(entries(classPath))
        .containsExactly(lib.resolve("master.jar").toString(), lib.resolve("worker.jar").toString());
  }

  @Test
  void productionWorkerLosesSimulationJarsEvenWhenTheMasterHadThem() {
    String withSimulators = masterClassPath + File.pathSeparator + simulation.resolve("jcardsim.jar");

    String classPath = WorkerClassPath.of(withSimulators, false, Optional.of(simulation));

    assertThat(entries(classPath)).noneMatch(entry -> entry.contains("simulation"));
  }

  @Test
  void simulationWorkerGetsTheSimulationJarsAfterTheMasterClassPath() {
    String classPath = WorkerClassPath.of(masterClassPath, true, Optional.of(simulation));

    assertThat(entries(classPath))
        .containsExactly(
            lib.resolve("master.jar").toString(),
            lib.resolve("worker.jar").toString(),
            simulation.resolve("jcardsim.jar").toAbsolutePath().toString(),
            simulation.resolve("simulator-card.jar").toAbsolutePath().toString());
  }

  @Test
  void withoutADistributionTheClassPathIsTheMasters() {
    assertThat(WorkerClassPath.of(masterClassPath, true, Optional.empty())).isEqualTo(masterClassPath);
    assertThat(WorkerClassPath.of(masterClassPath, false, Optional.empty())).isEqualTo(masterClassPath);
  }

  @Test
  void simulationModeWithAMissingSimulationDirectoryFailsClearly() {
    Path missing = dist.resolve("elsewhere");

    assertThatThrownBy(() -> WorkerClassPath.of(masterClassPath, true, Optional.of(missing)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("simulators' directory");
  }

  private static List<String> entries(String classPath) {
    return List.of(classPath.split(File.pathSeparator));
  }
}
