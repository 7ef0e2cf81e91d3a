package org.libreconnect.worker.card;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import javax.smartcardio.CardTerminals;
import org.libreconnect.simulation.Simulation;

/**
 * Simulation mode: readers that live in this worker and need no native library, from the
 * simulator found through the {@link Simulation} seam. The standard one holds the installation's
 * simulated card (simulation material under {@code <home>/data/simulation}, PIN 1234) from the
 * first card command on, beside a second one holding the simulated Vitale test card; each worker inserts its own copy of that card, so its PIN counter starts
 * at three tries in every new worker.
 */
public final class SimulatedTerminalsPort implements CardTerminalsPort {
  /** The name of the simulation reader. */
  public static final String READER_NAME = "LibreConnect Simulated CPS Reader 0";

  /** The name of the simulation reader that holds the simulated Vitale test card. */
  public static final String VITALE_READER_NAME = "LibreConnect Simulated Vitale Reader 1";

  private final Supplier<CardTerminals> factory;
  private CardTerminals terminals;

  /** Readers made on first use by {@code factory} (tests hand in their own). */
  public SimulatedTerminalsPort(Supplier<CardTerminals> factory) {
    this.factory = factory;
  }

  /**
   * Two readers: one holding the simulated card of the installation whose simulation material lives in
   * {@code materialDirectory}, generated there on first use.
   */
  public static SimulatedTerminalsPort forInstallation(Path materialDirectory, Clock clock) {
    return new SimulatedTerminalsPort(
        () ->
            Simulation.load()
                .cardReaders(materialDirectory, clock, READER_NAME, VITALE_READER_NAME));
  }

  @Override
  public synchronized CardTerminals terminals() {
    if (terminals == null) {
      terminals = factory.get();
    }
    return terminals;
  }

  @Override
  public boolean holdsPcscContext() {
    return false;
  }

  @Override
  public String kind() {
    return "simulation";
  }

  /** Every reader here holds the simulated card or nothing. */
  @Override
  public boolean mayHoldSimulatedCard(String readerName) {
    return true;
  }
}
