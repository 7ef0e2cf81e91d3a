package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.it.CardSession.assertCardError;
import static org.libreconnect.it.CardSession.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
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
import org.libreconnect.testsupport.ConnectorProcess;
import org.libreconnect.testsupport.Js2Client;

/**
 * The real stack: pcscd, the simulated CPS card in a vpcd reader, the connector (not in
 * simulation mode) reaching it through SunPKCS11 over OpenSC's {@code opensc-pkcs11.so}; the test
 * pulls the card out, puts it back and restarts pcscd.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class OpenScCardIT {
  private static final String ORIGIN = ConnectorFixture.APP_ORIGIN;
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir static Path home;
  private VirtualCardStack stack;
  private ConnectorFixture fixture;

  @BeforeAll
  void start() throws Exception {
    assertThat(Path.of(VirtualCardStack.OPENSC)).as("OpenSC (scripts/card-stack.sh install)").exists();
    stack = VirtualCardStack.start();
    stack.insertFreshCard();
    fixture =
        new ConnectorFixture(home, ConnectorProcess.config(1, false, VirtualCardStack.OPENSC, ORIGIN));
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (fixture != null) {
        fixture.close();
      }
    } finally {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void listReadWithAWrongThenTheRightPinAndSign() throws Exception {
    CardSession session = session("opensc-read");
    awaitSlotType(session, 3);
    JsonNode reader = reader(session);
    assertThat(reader.path("s_slotType").asText()).isEqualTo("CPS card");
    assertThat(reader.path("i_accessMode").asInt()).isEqualTo(1);

    assertOk(session.select(stack.readerName));
    JsonNode status = session.status();
    assertThat(status.path("i_cardStatus").asInt()).isEqualTo(1);
    assertThat(status.path("i_nbInputLeft").asInt()).as("read over PC/SC beside OpenSC").isEqualTo(3);

    JsonNode wrong = session.read("0000");
    assertCardError(wrong, 7);
    assertThat(wrong.path("s_apiErrorExtendedInformations").asText()).isEqualTo("2 tries left");

    JsonNode card = session.read("1234");
    assertOk(card);
    assertThat(card.path("s_name").asText()).isEqualTo(stack.identity.name());
    assertThat(card.path("s_given").asText()).isEqualTo(stack.identity.given());
    assertThat(card.path("s_internalId").asText()).isEqualTo(stack.identity.psIdNat());
    assertThat(card.path("i_internalIdType").asInt()).isEqualTo(3);
    assertThat(card.path("s_profession").asText()).isEqualTo("10");
    assertThat(card.path("s_speciality").asText()).isEqualTo("SM26");
    assertThat(card.path("i_remainingPinCodeInputs").asInt()).isEqualTo(3);
    assertThat(CardSession.certificate(card.path("s_signatureCertificatePEM").asText()))
        .isEqualTo(stack.credentials.signatureCertificate());
    assertThat(CardSession.certificate(card.path("s_authenticationCertificatePEM").asText()))
        .isEqualTo(stack.credentials.authenticationCertificate());

    byte[] text = "VIHF à signer".getBytes(StandardCharsets.UTF_8);
    assertThat(CardSession.assertSignature(session.signString("1234", "VIHF à signer"), text))
        .isEqualTo(stack.credentials.signatureCertificate());
    byte[] binary = {(byte) 0xCA, (byte) 0xFE, 0, 1};
    CardSession.assertSignature(session.signData("1234", binary), binary);
    session.close();
  }

  @Test
  @Order(2)
  void threeWrongPinsBlockTheCard() throws Exception {
    CardSession session = session("opensc-block");
    assertOk(session.select(stack.readerName));
    assertThat(session.read("0000").path("s_apiErrorExtendedInformations").asText()).isEqualTo("2 tries left");
    assertThat(session.read("1111").path("s_apiErrorExtendedInformations").asText()).isEqualTo("1 try left");
    assertCardError(session.read("2222"), 1001);
    assertThat(session.status().path("i_cardStatus").asInt()).isEqualTo(5);
    assertCardError(session.read("1234"), 1001);

    stack.remove(); // the blocked card leaves; a new one with three tries goes in
    awaitSlotType(session, 1);
    stack.insertFreshCard();
    awaitCardStatusChange(session);
    assertOk(session.select(stack.readerName));
    assertOk(session.read("1234"));
  }

  @Test
  @Order(3)
  void aCardPulledOutIsReportedAndWorksAgainOnceBack() throws Exception {
    CardSession session = session("opensc-removal");
    assertOk(session.select(stack.readerName));
    assertOk(session.read("1234"));

    stack.remove();
    awaitSlotType(session, 1);
    assertCardError(session.read("1234"), 1003);
    assertThat(session.status().path("i_cardStatus").asInt()).isEqualTo(2);
    assertCardError(session.select(stack.readerName), 1002);

    stack.insert();
    awaitSlotType(session, 3);
    assertOk(session.select(stack.readerName));
    assertOk(session.read("1234"));
  }

  @Test
  @Order(4)
  void monitoringSeesTheCardPulledOutAndPutBack() throws Exception {
    CardSession session = session("opensc-monitor");
    try (Js2Client.Connection socket = fixture.client.connect(ORIGIN)) {
      socket.send("{\"s_commandName\":\"hl_startCpxCardMonitoring\",\"i_checkingInterval\":5,"
          + "\"s_sessionId\":\"" + session.id + "\"}");
      assertThat(socket.next()).isEqualTo("{\"s_status\":\"OK\"}");
      assertThat(status(socket.next())).isEqualTo(1);
      stack.remove();
      assertThat(status(socket.next())).isEqualTo(2);
      stack.insert();
      assertThat(status(socket.next())).isEqualTo(1);
      assertThat(socket.poll(Duration.ofMillis(800))).as("no event without a change").isNull();
    }
  }

  @Test
  @Order(5)
  void aPcscdRestartKeepsTheSessionAndItsMonitoring() throws Exception {
    CardSession session = session("opensc-restart");
    assertOk(session.select(stack.readerName));
    assertOk(session.read("1234"));
    long workerBefore = fixture.workerPidOf(session.id);

    try (Js2Client.Connection socket = fixture.client.connect(ORIGIN)) {
      socket.send("{\"s_commandName\":\"hl_startCpxCardMonitoring\",\"s_sessionId\":\"" + session.id + "\"}");
      assertThat(socket.next()).isEqualTo("{\"s_status\":\"OK\"}");
      assertThat(status(socket.next())).isEqualTo(1);

      stack.restartPcscd();
      stack.insert();

      List<JsonNode> failures = new ArrayList<>();
      JsonNode readers = session.readers();
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (!"OK".equals(readers.path("s_status").asText()) && System.nanoTime() < deadline) {
        failures.add(readers);
        Thread.sleep(200);
        readers = session.readers();
      }
      assertOk(readers);
      assertThat(failures)
          .as("at most the answer that saw the restart, and it says so")
          .allSatisfy(failure -> assertCardError(failure, 1007));
      assertThat(fixture.workerPidOf(session.id)).as("a new worker holds the session").isNotEqualTo(workerBefore);

      awaitSlotType(session, 3);
      assertOk(session.select(stack.readerName));
      assertOk(session.read("1234"));

      List<Integer> events = new ArrayList<>();
      while (!events.contains(1)) {
        String frame = socket.next();
        assertThat(frame).contains("\"s_status\":\"OK\"");
        events.add(status(frame));
      }
      assertThat(events).as("the monitoring socket stayed open across the restart").contains(7);
    }
  }

  private CardSession session(String applicationId) throws Exception {
    return CardSession.open(fixture.client, ORIGIN, applicationId);
  }

  private JsonNode reader(CardSession session) throws Exception {
    for (JsonNode reader : session.readers().path("Readers")) {
      if (reader.path("s_name").asText().equals(stack.readerName)) {
        return reader;
      }
    }
    throw new AssertionError("reader " + stack.readerName + " not listed");
  }

  private void awaitSlotType(CardSession session, int slotType) throws Exception {
    session.awaitSlotType(stack.readerName, slotType, PATIENCE);
  }

  private void awaitCardStatusChange(CardSession session) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (session.status().path("i_cardStatus").asInt() != 4) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the new card was never seen");
      }
      Thread.sleep(100);
    }
  }

  private int status(String frame) throws Exception {
    return fixture.client.mapper().readTree(frame).path("i_cardStatus").asInt();
  }
}
