package org.libreconnect.worker.card;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.libreconnect.pkcs11.CryptolibLibraries;
import org.libreconnect.pkcs11.OperatingSystem;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.simulator.card.InProcessReader;
import org.libreconnect.simulator.card.InProcessTerminals;
import org.libreconnect.simulator.card.SimulatedCard;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.TestPki;
import org.libreconnect.worker.WorkerHarness;

/**
 * A worker with the card commands on in-process readers: "CPS Reader 0" holding a simulated card
 * (PIN 1234) and an empty "Other Reader 1". Tests take the card out and put it back by hand.
 */
final class CardRig implements AutoCloseable {
  static final String CPS_READER = "CPS Reader 0";
  static final String EMPTY_READER = "Other Reader 1";

  /** One PKI per test JVM: generating it is the slow part. */
  static final TestPki PKI = TestPki.generate(Clock.systemUTC(), 2048);
  static final CpsIdentity DOCTOR = CpsIdentity.testDoctor();
  static final CardCredentials CREDENTIALS = PKI.issueCard(DOCTOR);

  final InProcessTerminals terminals = InProcessTerminals.create(CPS_READER, EMPTY_READER);
  final InProcessReader reader;
  final CardExecutor executor = new CardExecutor();
  final CardService cards;
  final WorkerHarness worker;

  CardRig(Path dir) {
    this(dir, SimulatedCard.create(DOCTOR, CREDENTIALS));
  }

  CardRig(Path dir, SimulatedCard card) {
    this(dir, card, terminals -> new SimulatedTerminalsPort(() -> terminals), reason -> {});
  }

  /**
   * @param port the port over the rig's terminals (tests of PC/SC failures wrap them)
   * @param askForReplacement what the card service calls when the PC/SC context dies
   */
  CardRig(
      Path dir,
      SimulatedCard card,
      Function<InProcessTerminals, CardTerminalsPort> port,
      Consumer<String> askForReplacement) {
    reader = terminals.reader(CPS_READER, card);
    reader.insert();
    CardTerminalsPort used = port.apply(terminals);
    CardBackends backends =
        new CardBackends(
            used,
            true,
            Optional.empty(),
            new CryptolibLibraries(OperatingSystem.LINUX, true, Map.of(), path -> false),
            new AtrClassifier(),
            Clock.systemUTC());
    cards = new CardService(executor, used, backends, Clock.systemUTC(), askForReplacement);
    worker =
        new WorkerHarness(
            dir,
            table -> new CardHandlers(cards).register(table),
            Duration.ofMillis(50),
            CommandCatalogue.standard(),
            cards::release);
  }

  @Override
  public void close() {
    worker.close();
    executor.close();
  }
}
