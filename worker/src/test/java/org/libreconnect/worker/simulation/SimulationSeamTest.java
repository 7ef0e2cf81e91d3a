package org.libreconnect.worker.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.simulation.Simulation;
import org.libreconnect.worker.card.SimulatedTerminalsPort;

/**
 * The worker reaches the simulators through the {@link Simulation} seam only: no main class names
 * a class of {@code simulator-pki}, {@code simulator-card}, {@code simulator-dmp} or
 * {@code simulator} (all under {@code org.libreconnect.simulator}); the enforcer rule of the
 * worker's POM keeps their jars off its compile and runtime class paths.
 */
class SimulationSeamTest {
  @TempDir Path home;

  @Test
  void noMainClassOfTheWorkerRefersToTheSimulators() throws IOException {
    Path classes = Path.of(SimulatedTerminalsPort.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    List<Path> offenders;
    try (Stream<Path> files = Files.walk(classes)) {
      offenders = files.filter(file -> file.toString().endsWith(".class")).filter(file -> {
        try {
          // Class files name the classes they use in UTF-8 in their constant pool.
          return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
              .contains("org/libreconnect/simulator/");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).toList();
    }
    assertThat(classes.resolve("org/libreconnect/worker/card/SimulatedTerminalsPort.class")).exists();
    assertThat(offenders).isEmpty();
  }

  @Test
  void theSimulatorJarProvidesTheSeamAndItsReaderHoldsTheSimulatedCard() throws Exception {
    Simulation simulation = Simulation.load();
    assertThat(simulation.getClass().getName()).isEqualTo("org.libreconnect.simulator.SimulatorServices");

    CardTerminal reader = SimulatedTerminalsPort.forInstallation(home.resolve("simulation"), Clock.systemUTC())
        .terminals().getTerminal(SimulatedTerminalsPort.READER_NAME);

    assertThat(reader.isCardPresent()).isTrue();
    assertThat(simulation.dmpServerRoot(home.resolve("simulation"), Clock.systemUTC())
        .getSubjectX500Principal().getName()).contains("TEST AC RACINE IGC-SANTE ELEMENTAIRE");
  }
}
