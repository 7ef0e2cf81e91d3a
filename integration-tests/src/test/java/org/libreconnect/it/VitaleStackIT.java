package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.it.CardSession.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.simulator.card.SimulatedVitaleCard;
import org.libreconnect.simulator.card.VitaleHolder;
import org.libreconnect.simulator.card.VpcdCardConnection;
import org.libreconnect.testsupport.ConnectorProcess;
import org.libreconnect.testsupport.Js2Client;

/**
 * A desk on the real stack: pcscd with two vpcd readers, the simulated CPS card in one and the
 * simulated Vitale card in the other, the connector (not in simulation mode) reading both over
 * PC/SC. Vitale monitoring follows the Vitale card while CPS monitoring follows the CPS card.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class VitaleStackIT {
  private static final String ORIGIN = ConnectorFixture.APP_ORIGIN;
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Duration ONE_EVENT = Duration.ofSeconds(2);

  @TempDir static Path home;
  private VirtualCardStack stack;
  private ConnectorFixture fixture;
  private VpcdCardConnection vitale;
  private String vitaleReader;

  @BeforeAll
  void start() throws Exception {
    stack = VirtualCardStack.start();
    stack.insertFreshCard();
    vitaleReader = stack.otherReaderName();
    vitale = insert(SimulatedVitaleCard.testCard());
    fixture =
        new ConnectorFixture(home, ConnectorProcess.config(1, false, VirtualCardStack.OPENSC, ORIGIN));
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (vitale != null) {
        vitale.remove();
      }
      if (fixture != null) {
        fixture.close();
      }
    } finally {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void bothReadersAreListedAndTheVitaleCardReadsOverPcsc() throws Exception {
    CardSession session = CardSession.open(fixture.client, ORIGIN, "vitale-read");
    session.awaitSlotType(vitaleReader, 2, PATIENCE);
    session.awaitSlotType(stack.readerName, 3, PATIENCE);
    assertOk(session.call("{\"s_commandName\":\"hl_getVitaleCard\",\"s_readerName\":\"" + vitaleReader + "\"}"));
    JsonNode card = session.call("{\"s_commandName\":\"hl_readVitaleCard\"}");
    assertOk(card);
    assertThat(card.path("i_cardStatus").asInt()).isEqualTo(4);
    assertThat(card.path("Patients").findValuesAsText("s_given")).containsExactly("PAUL", "ALICE", "LEO", "FATIMA");
    assertThat(card.path("Patients").get(3).path("s_birthday").asText()).isEqualTo("00001948");
    session.close();
  }

  @Test
  @Order(2)
  void vitaleMonitoringFollowsTheVitaleCardWhileCpsMonitoringFollowsTheCpsCard() throws Exception {
    CardSession session = CardSession.open(fixture.client, ORIGIN, "vitale-monitor");
    assertOk(session.select(stack.readerName));
    List<Long> latencies = new ArrayList<>();
    try (Js2Client.Connection vitaleSocket = fixture.client.connect(ORIGIN);
        Js2Client.Connection cpsSocket = fixture.client.connect(ORIGIN)) {
      vitaleSocket.send("{\"s_commandName\":\"hl_startVitaleCardMonitoring\",\"i_checkingInterval\":5,"
          + "\"s_sessionId\":\"" + session.id + "\"}");
      cpsSocket.send("{\"s_commandName\":\"hl_startCpxCardMonitoring\",\"i_checkingInterval\":5,"
          + "\"s_sessionId\":\"" + session.id + "\"}");
      assertThat(vitaleSocket.next()).isEqualTo("{\"s_status\":\"OK\"}");
      assertThat(cpsSocket.next()).isEqualTo("{\"s_status\":\"OK\"}");
      JsonNode found = json(vitaleSocket.next());
      assertThat(found.path("s_cardStatus").asText()).isEqualTo("NewCardFound");
      assertThat(found.path("i_isDemoCard").asInt()).isEqualTo(1);
      assertThat(found.path("VitaleContent").path("Patients")).hasSize(4);
      assertThat(json(cpsSocket.next()).path("i_cardStatus").asInt()).isEqualTo(1);

      for (int round = 0; round < 3; round++) {
        long removedAt = System.nanoTime();
        vitale.remove();
        String missing = vitaleSocket.poll(ONE_EVENT);
        latencies.add(System.nanoTime() - removedAt);
        assertThat(missing).isEqualTo("{\"s_status\":\"OK\",\"i_cardStatus\":4,\"s_cardStatus\":\"CardMissing\"}");
        long insertedAt = System.nanoTime();
        vitale.insert(Duration.ofSeconds(10));
        String again = vitaleSocket.poll(ONE_EVENT);
        latencies.add(System.nanoTime() - insertedAt);
        assertThat(again).isNotNull();
        assertThat(json(again).path("s_cardStatus").asText()).isEqualTo("NewCardFound");
      }
      assertThat(cpsSocket.poll(Duration.ofMillis(500))).as("the Vitale card is no CPS event").isNull();

      stack.remove();
      assertThat(json(cpsSocket.next()).path("i_cardStatus").asInt()).isEqualTo(2);
      stack.insert();
      assertThat(json(cpsSocket.next()).path("i_cardStatus").asInt()).isEqualTo(1);
      assertThat(vitaleSocket.poll(Duration.ofMillis(500))).as("the CPS card is no Vitale event").isNull();
    }
    latencies.sort(null);
    System.out.printf("vitale-latency card in/out -> monitoring event on the socket: n=%d min=%.1f ms median=%.1f ms max=%.1f ms%n",
        latencies.size(), latencies.get(0) / 1e6, latencies.get(latencies.size() / 2) / 1e6,
        latencies.get(latencies.size() - 1) / 1e6);
    session.close();
  }

  @Test
  @Order(3)
  void anUnknownCardAndGarbledFilesAreUnreadableCards() throws Exception {
    CardSession session = CardSession.open(fixture.client, ORIGIN, "vitale-unreadable");
    List<byte[]> files = SimulatedVitaleCard.files(SimulatedVitaleCard.Kind.TEST, VitaleHolder.testFamily());
    swapTo(session, SimulatedVitaleCard.withFiles(SimulatedVitaleCard.UNKNOWN_ATR_HEX, files.get(0), files.get(1)));
    session.awaitSlotType(vitaleReader, 4, PATIENCE);
    assertOk(session.call("{\"s_commandName\":\"hl_getVitaleCard\",\"s_readerName\":\"" + vitaleReader + "\"}"));
    JsonNode unknown = session.call("{\"s_commandName\":\"hl_readVitaleCard\"}");
    assertOk(unknown);
    assertThat(unknown.path("i_cardStatus").asInt()).isEqualTo(2);
    assertThat(unknown.path("Patients")).isEmpty();
    try (Js2Client.Connection socket = fixture.client.connect(ORIGIN)) {
      socket.send("{\"s_commandName\":\"hl_startVitaleCardMonitoring\",\"s_sessionId\":\"" + session.id + "\"}");
      assertThat(socket.next()).isEqualTo("{\"s_status\":\"OK\"}");
      assertThat(socket.next()).isEqualTo("{\"s_status\":\"OK\",\"i_cardStatus\":1,\"s_cardStatus\":\"ReadError\"}");
    }

    byte[] garbled = java.util.Arrays.copyOf(files.get(0), 40); // cut inside the first beneficiary
    swapTo(session, SimulatedVitaleCard.withFiles(SimulatedVitaleCard.ATR_HEX, garbled, files.get(1)));
    session.awaitSlotType(vitaleReader, 2, PATIENCE);
    JsonNode damaged = session.call("{\"s_commandName\":\"hl_readVitaleCard\"}");
    assertThat(damaged.path("i_cardStatus").asInt()).isEqualTo(2);
    assertThat(damaged.path("s_cardStatusText").asText()).startsWith("Card error");

    vitale.remove();
    session.awaitSlotType(vitaleReader, 1, PATIENCE);
    JsonNode missing = session.call("{\"s_commandName\":\"hl_readVitaleCard\"}");
    assertThat(missing.path("i_cardStatus").asInt()).isEqualTo(1);
    vitale = insert(SimulatedVitaleCard.testCard());
    session.close();
  }

  /**
   * Takes the Vitale card out, waits until the reader shows it empty, then puts {@code card} in:
   * pcscd polls vpcd every 400 ms, and a card swapped faster than a poll is never seen to leave.
   */
  private void swapTo(CardSession session, SimulatedVitaleCard card) throws Exception {
    vitale.remove();
    session.awaitSlotType(vitaleReader, 1, PATIENCE);
    vitale = insert(card);
  }

  private VpcdCardConnection insert(SimulatedVitaleCard card) throws IOException {
    VpcdCardConnection connection = card.vpcdConnection(stack.otherVpcd());
    connection.insert(Duration.ofSeconds(10));
    return connection;
  }

  private JsonNode json(String frame) throws Exception {
    assertThat(frame).as("an event came").isNotNull();
    return fixture.client.mapper().readTree(frame);
  }
}
