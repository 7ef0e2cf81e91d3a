package org.libreconnect.worker.card;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.libreconnect.pkcs11.CryptolibLibraries;
import org.libreconnect.pkcs11.OperatingSystem;
import org.libreconnect.simulator.card.CardChip;
import org.libreconnect.simulator.card.InProcessReader;
import org.libreconnect.simulator.card.InProcessTerminals;
import org.libreconnect.simulator.card.SimulatedCard;
import org.libreconnect.worker.WorkerHarness;
import org.libreconnect.worker.vitale.VitaleBeneficiary;

/**
 * A worker with the card and Vitale commands on in-process readers, as on a desk: "CPS Reader 0"
 * holding the simulated CPS card and "Vitale Reader 1" holding the card the test chooses. It also
 * serves {@code test_vitalePatient}, which reads a beneficiary of the session's last Vitale read
 * as another command of the session would.
 */
public final class VitaleRig implements AutoCloseable {
  static final String CPS_READER = "CPS Reader 0";
  static final String VITALE_READER = "Vitale Reader 1";
  static final Clock CLOCK = WorkerHarness.CLOCK;

  /** Input of {@code test_vitalePatient}. */
  public record PatientIndexInput(@JsonProperty("i_vitalePatientIndex") Integer index) {}

  /** Answer of {@code test_vitalePatient}. */
  public record PatientAnswer(@JsonProperty("s_given") String given, @JsonProperty("s_nir") String nir) {}

  final InProcessTerminals terminals = InProcessTerminals.create(CPS_READER, VITALE_READER);
  final InProcessReader cps;
  final InProcessReader vitale;
  final CardExecutor executor = new CardExecutor();
  final CardService cards;
  final WorkerHarness worker;

  VitaleRig(Path dir, CardChip vitaleCard) {
    cps = terminals.reader(CPS_READER, SimulatedCard.create(CardRig.DOCTOR, CardRig.CREDENTIALS));
    cps.insert();
    vitale = terminals.reader(VITALE_READER, vitaleCard);
    vitale.insert();
    CardTerminalsPort port = new SimulatedTerminalsPort(() -> terminals);
    CardBackends backends =
        new CardBackends(
            port,
            true,
            Optional.empty(),
            new CryptolibLibraries(OperatingSystem.LINUX, true, Map.of(), path -> false),
            new AtrClassifier(),
            CLOCK);
    cards = new CardService(executor, port, backends, CLOCK, reason -> {});
    worker =
        new WorkerHarness(
            dir,
            table -> {
              new CardHandlers(cards).register(table);
              new VitaleHandlers(cards.vitale()).register(table);
              table.single(
                  "test_vitalePatient",
                  PatientIndexInput.class,
                  (session, input) -> {
                    VitaleBeneficiary b =
                        session
                            .lastVitaleRead()
                            .orElseThrow(() -> new IllegalStateException("no Vitale read"))
                            .beneficiary(input.index(), "i_vitalePatientIndex");
                    return new PatientAnswer(b.given(), b.nirWithKey());
                  });
            },
            Duration.ofMillis(50),
            WorkerHarness.standardCatalogue()
                .worker("test_vitalePatient", PatientIndexInput.class, Duration.ofSeconds(5))
                .build(),
            cards::release);
  }

  @Override
  public void close() {
    worker.close();
    executor.close();
  }
}
