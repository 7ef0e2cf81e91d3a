package org.libreconnect.worker.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import javax.smartcardio.CardTerminals;
import org.libreconnect.simulator.card.InProcessReader;
import org.libreconnect.simulator.card.InProcessTerminals;
import org.libreconnect.simulator.card.SimulatedCard;
import org.libreconnect.simulator.pki.SimulationMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulation mode: readers that live in this worker and need no native library. The standard
 * one holds the installation's simulated card ({@link SimulationMaterial}, PIN 1234) from the
 * first card command on; each worker inserts its own copy of that card, so its PIN counter starts
 * at three tries in every new worker.
 */
public final class SimulatedTerminalsPort implements CardTerminalsPort {
  /** The name of the simulation reader. */
  public static final String READER_NAME = "LibreConnect Simulated CPS Reader 0";

  private static final Logger log = LoggerFactory.getLogger(SimulatedTerminalsPort.class);

  private final Supplier<CardTerminals> factory;
  private CardTerminals terminals;

  /** Readers made on first use by {@code factory} (tests hand in their own). */
  public SimulatedTerminalsPort(Supplier<CardTerminals> factory) {
    this.factory = factory;
  }

  /**
   * One reader holding the simulated card of the installation whose simulation material lives in
   * {@code materialDirectory}, generated there on first use.
   */
  public static SimulatedTerminalsPort forInstallation(Path materialDirectory, Clock clock) {
    return new SimulatedTerminalsPort(
        () -> {
          SimulationMaterial material;
          try {
            material = SimulationMaterial.loadOrCreate(materialDirectory, clock);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the simulated card", e);
          }
          SimulatedCard card =
              SimulatedCard.create(material.identity(), material.cardCredentials());
          InProcessTerminals readers = InProcessTerminals.create(READER_NAME);
          InProcessReader reader = readers.reader(READER_NAME, card);
          reader.insert();
          log.info(
              "card.simulated.inserted reader=\"{}\" psIdNat={}",
              READER_NAME,
              material.identity().psIdNat());
          return readers;
        });
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
}
