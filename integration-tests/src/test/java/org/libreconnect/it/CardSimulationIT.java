package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.it.CardSession.assertCardError;
import static org.libreconnect.it.CardSession.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.simulator.pki.SimulationMaterial;
import org.libreconnect.testsupport.ConnectorProcess;
import org.libreconnect.testsupport.Js2Client;

/**
 * Simulation mode over the WebSocket, as with {@code ./run.sh}: the simulated card in the worker,
 * no native library. Each scenario uses its own application id, hence its own worker and its own
 * copy of the installation's card (a card blocked in one worker stays usable in the others).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CardSimulationIT {
  private static final String ORIGIN = "https://app.example.test";
  private static final String READER = "LibreConnect Simulated CPS Reader 0";
  private static final String VITALE_READER = "LibreConnect Simulated Vitale Reader 1";

  @TempDir static Path home;
  private ConnectorProcess connector;
  private Js2Client client;

  @BeforeAll
  void start() throws Exception {
    connector = ConnectorProcess.start(home, ConnectorProcess.config(1, true, null, ORIGIN));
    client = new Js2Client(connector.caCertificate(), connector.port());
  }

  @AfterAll
  void stop() throws Exception {
    connector.close();
  }

  @Test
  void listReadCheckStatusAndSignWithPin1234() throws Exception {
    CardSession session = CardSession.open(client, ORIGIN, "sim-happy-path");

    JsonNode readers = session.readers();
    assertOk(readers);
    assertThat(readers.path("Readers")).hasSize(2);
    JsonNode reader = readers.path("Readers").get(0);
    assertThat(reader.path("s_name").asText()).isEqualTo(READER);
    assertThat(reader.path("i_slotType").asInt()).isEqualTo(3);
    assertThat(reader.path("s_slotType").asText()).isEqualTo("CPS card");
    assertThat(reader.path("s_accessMode").asText()).isEqualTo("Full PC/SC");

    assertOk(session.call("{\"s_commandName\":\"hl_getCpxCard\",\"i_readerNumber\":\"0\"}"));
    JsonNode status = session.status();
    assertThat(status.path("i_cardStatus").asInt()).isEqualTo(1);
    assertThat(status.path("i_nbInputLeft").asInt()).isEqualTo(3);
    assertThat(status.path("s_cardId").asText()).isEqualTo("8000123456");
    JsonNode state = session.call("{\"s_commandName\":\"hl_getSessionState\"}");
    assertThat(state.path("i_cpxReader").asInt()).isPositive();
    assertThat(state.path("i_cpxCard").asInt()).isPositive();

    JsonNode card = session.read("1234");
    assertOk(card);
    assertThat(card.path("s_name").asText()).isEqualTo("LIBRE");
    assertThat(card.path("s_given").asText()).isEqualTo("MAX");
    assertThat(card.path("s_internalId").asText()).isEqualTo("899900063480");
    assertThat(card.path("i_internalIdType").asInt()).isEqualTo(3);
    assertThat(card.path("s_professionDescription").asText()).isEqualTo("Médecin");
    assertThat(card.path("s_speciality").asText()).isEqualTo("SM26");
    assertThat(card.path("i_remainingPinCodeInputs").asInt()).isEqualTo(3);
    assertThat(card.path("PracticeLocations")).hasSize(2);
    assertThat(card.path("s_authenticationCertificatePEM").asText()).startsWith("-----BEGIN CERTIFICATE-----");

    byte[] text = "Document à signer".getBytes(StandardCharsets.UTF_8);
    X509Certificate fromString =
        CardSession.assertSignature(session.signString("1234", "Document à signer"), text);
    byte[] binary = {1, 2, 3, 0, (byte) 0x80};
    X509Certificate fromData = CardSession.assertSignature(session.signData("1234", binary), binary);
    assertThat(fromData).isEqualTo(fromString);
    assertThat(CardSession.certificate(card.path("s_signatureCertificatePEM").asText())).isEqualTo(fromString);
    session.close();
  }

  @Test
  void theVitaleReaderBesideTheCpsReaderServesTheTestFamily() throws Exception {
    CardSession session = CardSession.open(client, ORIGIN, "sim-vitale");
    JsonNode readers = session.readers().path("Readers");
    assertThat(readers).hasSize(2);
    assertThat(readers.get(0).path("s_name").asText()).isEqualTo(READER);
    assertThat(readers.get(0).path("i_slotType").asInt()).isEqualTo(3);
    assertThat(readers.get(1).path("s_name").asText()).isEqualTo(VITALE_READER);
    assertThat(readers.get(1).path("i_slotType").asInt()).isEqualTo(2);
    assertThat(readers.get(1).path("s_slotType").asText()).isEqualTo("Vitale card");

    assertOk(session.call("{\"s_commandName\":\"hl_getVitaleCard\",\"i_readerNumber\":1}"));
    JsonNode card = session.call("{\"s_commandName\":\"hl_readVitaleCard\"}");
    assertOk(card);
    assertThat(card.path("i_cardStatus").asInt()).isEqualTo(4);
    assertThat(card.path("s_cardStatusText").asText()).isEqualTo("Card found. Test card.");
    JsonNode patients = card.path("Patients");
    assertThat(patients).hasSize(4);
    for (JsonNode patient : patients) {
      java.util.List<String> keys = new java.util.ArrayList<>();
      patient.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactlyInAnyOrder("s_name", "s_given", "s_birthname", "s_birthday",
          "s_birthdayYYYYMMDD", "s_rawBirthdayYYYYMMDD", "s_nir", "s_certifiedNir", "s_ins",
          "s_insC", "i_birthRank", "i_quality");
      assertThat(patient.path("s_nir").asText()).isEqualTo("1530789876585 13");
    }
    assertThat(patients.findValuesAsText("s_given")).containsExactly("PAUL", "ALICE", "LEO", "FATIMA");
    assertThat(patients.findValuesAsText("s_certifiedNir"))
        .containsExactly("1530789876585 13", "2790351215189 89", "1150975112003 82", "2482099350045 73");
    assertThat(patients.get(1).path("s_birthname").asText()).isEqualTo("MARTIN-ESSAI");
    assertThat(patients.get(2).path("i_quality").asInt()).isEqualTo(6);
    assertThat(patients.get(3).path("s_birthday").asText()).isEqualTo("00001948");
    assertThat(patients.get(3).path("s_rawBirthdayYYYYMMDD").asText()).isEqualTo("19480000");
    assertThat(patients.get(3).path("s_birthdayYYYYMMDD").asText()).isEqualTo("19480101");

    // the CPS card in the other reader keeps working
    assertOk(session.select(READER));
    assertOk(session.read("1234"));
    session.close();
  }

  @Test
  void wrongPinsCountDownThenTheCardIsBlocked() throws Exception {
    CardSession session = CardSession.open(client, ORIGIN, "sim-blocking");
    assertOk(session.select(READER));

    JsonNode first = session.read("0000");
    assertCardError(first, 7);
    assertThat(first.path("s_apiErrorExtendedInformations").asText()).isEqualTo("2 tries left");
    assertThat(first.toString()).doesNotContain("0000");
    JsonNode second = session.read("9999");
    assertCardError(second, 7);
    assertThat(second.path("s_apiErrorExtendedInformations").asText()).isEqualTo("1 try left");
    assertCardError(session.read("5555"), 1001);

    assertThat(session.status().path("i_cardStatus").asInt()).isEqualTo(5);
    assertCardError(session.read("1234"), 1001);
    assertCardError(session.signString("1234", "x"), 1001);

    CardSession other = CardSession.open(client, ORIGIN, "sim-after-blocking");
    assertOk(other.select(READER));
    assertOk(other.read("1234"));
  }

  @Test
  void everyWorkerSeesTheSameCardChainedToTheInstallationsPki() throws Exception {
    CardSession first = CardSession.open(client, ORIGIN, "sim-first-worker");
    CardSession second = CardSession.open(client, ORIGIN, "sim-second-worker");
    assertOk(first.select(READER));
    assertOk(second.select(READER));
    String firstCertificate = first.read("1234").path("s_signatureCertificatePEM").asText();
    String secondCertificate = second.read("1234").path("s_signatureCertificatePEM").asText();
    assertThat(secondCertificate).isEqualTo(firstCertificate);

    Path material = home.resolve("data").resolve("simulation");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(material))).isEqualTo("rwx------");
    SimulationMaterial stored = SimulationMaterial.loadOrCreate(material, Clock.systemUTC());
    X509Certificate certificate = CardSession.certificate(firstCertificate);
    assertThat(certificate).isEqualTo(stored.cardCredentials().signatureCertificate());
    certificate.verify(stored.pki().fortPersons().getPublicKey());
  }

  @Test
  void monitoringStartsWithTheInsertedCard() throws Exception {
    CardSession session = CardSession.open(client, ORIGIN, "sim-monitor");
    try (Js2Client.Connection socket = client.connect(ORIGIN)) {
      socket.send("{\"s_commandName\":\"hl_startCpxCardMonitoring\",\"i_checkingInterval\":1,"
          + "\"s_sessionId\":\"" + session.id + "\"}");
      assertThat(socket.next()).isEqualTo("{\"s_status\":\"OK\"}");
      assertThat(socket.next())
          .isEqualTo("{\"s_status\":\"OK\",\"i_cardStatus\":1,\"s_cardStatus\":\"ValidCardInserted\"}");
    }
  }
}
