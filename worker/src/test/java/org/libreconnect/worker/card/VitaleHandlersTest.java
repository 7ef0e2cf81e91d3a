package org.libreconnect.worker.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.simulator.card.CardChip;
import org.libreconnect.simulator.card.InProcessReader;
import org.libreconnect.simulator.card.SimulatedVitaleCard;
import org.libreconnect.simulator.card.VitaleHolder;

/**
 * The Vitale commands against the simulated Vitale card in an in-process reader beside the CPS
 * card: the applet serves what the decoder reads, with the JS2 keys, statuses and monitoring.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VitaleHandlersTest {
  private static final String SESSION = "s-vitale";
  private static final String GET =
      "{\"s_commandName\":\"hl_getVitaleCard\",\"s_readerName\":\"" + VitaleRig.VITALE_READER + "\"}";
  private static final String READ = "{\"s_commandName\":\"hl_readVitaleCard\"}";
  private static final String MONITOR =
      "{\"s_commandName\":\"hl_startVitaleCardMonitoring\",\"i_checkingInterval\":1}";
  private static final Duration WAIT = Duration.ofSeconds(5);

  @TempDir Path dir;

  @Test
  void readsTheFourBeneficiariesOfTheTestCardWithTheExactKeys() throws Exception {
    try (VitaleRig rig = new VitaleRig(dir, SimulatedVitaleCard.testCard())) {
      rig.worker.openSession(SESSION, "app");
      JsonNode readers = rig.worker.call(SESSION, "{\"s_commandName\":\"hl_getPcscReaders\"}");
      assertThat(readers.path("Readers").get(1).path("i_slotType").asInt()).isEqualTo(2);
      assertThat(readers.path("Readers").get(1).path("s_slotType").asText()).isEqualTo("Vitale card");
      assertThat(rig.worker.call(SESSION, GET).path("s_status").asText()).isEqualTo("OK");

      JsonNode card = rig.worker.call(SESSION, READ);
      assertThat(card.path("s_status").asText()).isEqualTo("OK");
      assertThat(card.path("i_cardStatus").asInt()).isEqualTo(4);
      assertThat(card.path("s_cardStatusText").asText()).isEqualTo("Card found. Test card.");
      JsonNode patients = card.path("Patients");
      assertThat(patients).hasSize(4);
      JsonNode paul = patients.get(0);
      assertThat(iterable(paul.fieldNames()))
          .containsExactlyInAnyOrder("s_name", "s_given", "s_birthname", "s_birthday",
              "s_birthdayYYYYMMDD", "s_rawBirthdayYYYYMMDD", "s_nir", "s_certifiedNir", "s_ins",
              "s_insC", "i_birthRank", "i_quality");
      assertThat(paul.path("s_name").asText()).isEqualTo("BERNARD-ESSAI");
      assertThat(paul.path("s_given").asText()).isEqualTo("PAUL");
      assertThat(paul.path("s_birthday").asText()).isEqualTo("12071953");
      assertThat(paul.path("s_birthdayYYYYMMDD").asText()).isEqualTo("19530712");
      assertThat(paul.path("s_nir").asText()).isEqualTo("1530789876585 13");
      assertThat(paul.path("s_certifiedNir").asText()).isEqualTo("1530789876585 13");
      assertThat(paul.path("s_ins").asText()).isEmpty();
      assertThat(paul.path("i_quality").asInt()).isZero();
      JsonNode alice = patients.get(1);
      assertThat(alice.path("s_birthname").asText()).isEqualTo("MARTIN-ESSAI");
      assertThat(alice.path("s_certifiedNir").asText()).isEqualTo("2790351215189 89");
      assertThat(alice.path("i_quality").asInt()).isEqualTo(2);
      JsonNode leo = patients.get(2);
      assertThat(leo.path("i_quality").asInt()).isEqualTo(6);
      assertThat(leo.path("s_birthdayYYYYMMDD").asText()).isEqualTo("20150904");
      JsonNode fatima = patients.get(3);
      assertThat(fatima.path("s_rawBirthdayYYYYMMDD").asText()).isEqualTo("19480000");
      assertThat(fatima.path("s_birthday").asText()).isEqualTo("00001948");
      assertThat(fatima.path("s_birthdayYYYYMMDD").asText()).isEqualTo("19480101");
      assertThat(fatima.path("s_certifiedNir").asText()).isEqualTo("2482099350045 73");
      assertThat(rig.worker.call(SESSION, "{\"s_commandName\":\"hl_getSessionState\"}")
              .path("i_vitaleCard").asInt()).isPositive();

      JsonNode leoByIndex =
          rig.worker.call(SESSION, "{\"s_commandName\":\"test_vitalePatient\",\"i_vitalePatientIndex\":2}");
      assertThat(leoByIndex.path("s_given").asText()).as(leoByIndex.toString()).isEqualTo("LEO");
      JsonNode outOfRange =
          rig.worker.call(SESSION, "{\"s_commandName\":\"test_vitalePatient\",\"i_vitalePatientIndex\":4}");
      assertThat(outOfRange.path("s_status").asText()).isEqualTo("ERROR");
      assertThat(outOfRange.path("s_apiErrorDescription").asText()).contains("i_vitalePatientIndex");
    }
  }

  @Test
  void theDemoCardIsStatus5AndReaderChoiceByDefaultFindsTheVitaleCard() throws Exception {
    try (VitaleRig rig = new VitaleRig(dir, SimulatedVitaleCard.demoCard())) {
      rig.worker.openSession(SESSION, "app");
      assertThat(rig.worker.call(SESSION, "{\"s_commandName\":\"hl_getVitaleCard\"}").path("s_status").asText())
          .isEqualTo("OK");
      JsonNode card = rig.worker.call(SESSION, READ);
      assertThat(card.path("i_cardStatus").asInt()).isEqualTo(5);
      assertThat(card.path("s_cardStatusText").asText()).isEqualTo("Card found. Demo card.");
      assertThat(card.path("Patients")).hasSize(4);
    }
  }

  @Test
  void readingBeforeChoosingAReaderIsAClearError() throws Exception {
    try (VitaleRig rig = new VitaleRig(dir, SimulatedVitaleCard.testCard())) {
      rig.worker.openSession(SESSION, "app");
      JsonNode answer = rig.worker.call(SESSION, READ);
      assertThat(answer.path("s_status").asText()).isEqualTo("ERROR");
      assertThat(answer.path("s_apiErrorDescription").asText()).contains("hl_getVitaleCard");
      JsonNode wrong = rig.worker.call(SESSION, "{\"s_commandName\":\"hl_getVitaleCard\",\"i_readerNumber\":7}");
      assertThat(wrong.path("s_status").asText()).isEqualTo("API_ERROR");
      assertThat(wrong.path("i_apiErrorCode").asInt()).isEqualTo(1004);
    }
  }

  @Test
  void aMissingCardAnUnknownCardAndGarbledFilesAreStatuses1And2() throws Exception {
    List<byte[]> files = SimulatedVitaleCard.files(SimulatedVitaleCard.Kind.TEST, VitaleHolder.testFamily());
    byte[] garbled = files.get(1).clone();
    garbled[5] ^= 0x5A; // inside the first NIR
    try (VitaleRig rig = new VitaleRig(dir, SimulatedVitaleCard.withFiles(SimulatedVitaleCard.ATR_HEX, files.get(0), garbled))) {
      rig.worker.openSession(SESSION, "app");
      rig.worker.call(SESSION, GET);
      JsonNode card = rig.worker.call(SESSION, READ);
      assertThat(card.path("s_status").asText()).isEqualTo("OK");
      assertThat(card.path("i_cardStatus").asInt()).isEqualTo(2);
      assertThat(card.path("Patients")).isEmpty();
      rig.vitale.remove();
      JsonNode missing = rig.worker.call(SESSION, READ);
      assertThat(missing.path("i_cardStatus").asInt()).isEqualTo(1);
      assertThat(missing.path("s_cardStatusText").asText()).isEqualTo("No card found.");
    }
    try (VitaleRig rig = new VitaleRig(dir.resolve("unknown"),
        SimulatedVitaleCard.withFiles(SimulatedVitaleCard.UNKNOWN_ATR_HEX, files.get(0), files.get(1)))) {
      rig.worker.openSession(SESSION, "app");
      rig.worker.call(SESSION, GET);
      assertThat(rig.worker.call(SESSION, READ).path("i_cardStatus").asInt()).isEqualTo(2);
    }
  }

  @Test
  void aCardRemovedMidReadIsAMissingCardAndLeavesNoRead() throws Exception {
    RemovedAfter chip = new RemovedAfter(SimulatedVitaleCard.testCard(), 3);
    try (VitaleRig rig = new VitaleRig(dir, chip)) {
      chip.reader = rig.vitale;
      rig.worker.openSession(SESSION, "app");
      rig.worker.call(SESSION, GET);
      JsonNode card = rig.worker.call(SESSION, READ);
      assertThat(chip.sent.get()).as("the card went out after the third APDU").isEqualTo(3);
      assertThat(card.path("i_cardStatus").asInt()).isEqualTo(1);
      assertThat(card.path("Patients")).isEmpty();
      JsonNode noRead =
          rig.worker.call(SESSION, "{\"s_commandName\":\"test_vitalePatient\",\"i_vitalePatientIndex\":0}");
      assertThat(noRead.path("s_status").asText()).isEqualTo("ERROR");
    }
  }

  @Test
  void monitoringReportsInsertionWithContentAndRemovalAsTheyHappen() throws Exception {
    try (VitaleRig rig = new VitaleRig(dir, SimulatedVitaleCard.testCard())) {
      rig.worker.openSession(SESSION, "app");
      long id = rig.worker.command(SESSION, MONITOR);
      List<String> first = payloads(rig, id, 2);
      assertThat(first.get(0)).isEqualTo("{\"s_status\":\"OK\"}");
      JsonNode found = rig.worker.wire.mapper().readTree(first.get(1));
      assertThat(found.path("i_cardStatus").asInt()).isEqualTo(2);
      assertThat(found.path("s_cardStatus").asText()).isEqualTo("NewCardFound");
      assertThat(found.path("i_isDemoCard").asInt()).isEqualTo(1);
      assertThat(found.path("VitaleContent").path("Patients")).hasSize(4);

      long removedAt = System.nanoTime();
      rig.vitale.remove();
      assertThat(payloads(rig, id, 3).get(2))
          .isEqualTo("{\"s_status\":\"OK\",\"i_cardStatus\":4,\"s_cardStatus\":\"CardMissing\"}");
      assertThat(Duration.ofNanos(System.nanoTime() - removedAt)).isLessThan(Duration.ofSeconds(1));
      rig.cps.remove(); // a CPS card coming and going is not a Vitale event
      rig.cps.insert();
      rig.vitale.insert();
      JsonNode again = rig.worker.wire.mapper().readTree(payloads(rig, id, 4).get(3));
      assertThat(again.path("s_cardStatus").asText()).isEqualTo("NewCardFound");
      Thread.sleep(300);
      assertThat(rig.worker.framesOf(id)).hasSize(4);
      rig.worker.cancel(id);
    }
  }

  @Test
  void monitoringAnUnknownCardInTheChosenReaderIsAReadError() throws Exception {
    List<byte[]> files = SimulatedVitaleCard.files(SimulatedVitaleCard.Kind.TEST, VitaleHolder.testFamily());
    try (VitaleRig rig = new VitaleRig(dir,
        SimulatedVitaleCard.withFiles(SimulatedVitaleCard.UNKNOWN_ATR_HEX, files.get(0), files.get(1)))) {
      rig.worker.openSession(SESSION, "app");
      rig.worker.call(SESSION, GET);
      long id = rig.worker.command(SESSION, MONITOR);
      assertThat(payloads(rig, id, 2).get(1))
          .isEqualTo("{\"s_status\":\"OK\",\"i_cardStatus\":1,\"s_cardStatus\":\"ReadError\"}");
      rig.worker.cancel(id);
    }
  }

  private static List<String> payloads(VitaleRig rig, long id, int count) throws InterruptedException {
    return rig.worker.peer.await(f -> f.id() == id, count, WAIT).stream().map(LinkFrame::payload).toList();
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
    return () -> iterator;
  }

  /** A card that leaves its reader after {@code limit} APDUs, as a hand pulling it out mid-read. */
  private static final class RemovedAfter implements CardChip {
    private final CardChip card;
    private final int limit;
    final AtomicInteger sent = new AtomicInteger();
    volatile InProcessReader reader;

    RemovedAfter(CardChip card, int limit) {
      this.card = card;
      this.limit = limit;
    }

    @Override
    public byte[] atr() {
      return card.atr();
    }

    @Override
    public byte[] transmit(byte[] command) {
      byte[] answer = card.transmit(command);
      if (sent.incrementAndGet() == limit && reader != null) {
        reader.remove();
      }
      return answer;
    }

    @Override
    public void reset() {
      card.reset();
    }

    @Override
    public void claim(Object holder) {
      card.claim(holder);
    }

    @Override
    public void release(Object holder) {
      card.release(holder);
    }
  }
}
