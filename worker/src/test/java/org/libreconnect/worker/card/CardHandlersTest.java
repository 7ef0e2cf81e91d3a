package org.libreconnect.worker.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.simulator.card.SimulatedCard;
import org.libreconnect.simulation.identity.CpsIdentity;

/** The card commands against the simulated card in in-process readers. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CardHandlersTest {
  private static final String SESSION = "s-card";

  @TempDir Path dir;
  private CardRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = new CardRig(dir);
    rig.worker.openSession(SESSION, "app");
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void readersShowTheCpsCardAndTheEmptyReader() throws Exception {
    ObjectNode answer = call("{\"s_commandName\":\"hl_getPcscReaders\"}");

    assertThat(answer.path("s_status").asText()).isEqualTo("OK");
    JsonNode readers = answer.path("Readers");
    assertThat(readers).hasSize(2);
    assertThat(readers.get(0).path("s_name").asText()).isEqualTo(CardRig.CPS_READER);
    assertThat(readers.get(0).path("i_slotType").asInt()).isEqualTo(3);
    assertThat(readers.get(0).path("s_slotType").asText()).isEqualTo("CPS card");
    assertThat(readers.get(0).path("i_accessMode").asInt()).isEqualTo(1);
    assertThat(readers.get(0).path("s_accessMode").asText()).isEqualTo("Full PC/SC");
    assertThat(readers.get(1).path("i_slotType").asInt()).isEqualTo(1);
    assertThat(readers.get(1).path("s_slotType").asText()).isEqualTo("No card");
  }

  @Test
  void theCardIsChosenByNameOrByNumber() throws Exception {
    assertThat(select("\"s_readerName\":\"" + CardRig.CPS_READER + "\"").path("s_status").asText())
        .isEqualTo("OK");
    assertThat(select("\"i_readerNumber\":\"0\",\"s_readerName\":\"\"").path("s_status").asText())
        .isEqualTo("OK");
    assertThat(select("\"s_readerName\":\"cps reader 0 \"").path("s_status").asText())
        .as("trimmed, case-insensitive match")
        .isEqualTo("OK");

    assertApiError(select("\"s_readerName\":\"Nowhere\""), 1004);
    assertApiError(select("\"i_readerNumber\":5"), 1004);
    assertApiError(select("\"i_readerNumber\":1"), 1002);
  }

  @Test
  void cardCommandsNeedAChosenCard() throws Exception {
    ObjectNode answer = call("{\"s_commandName\":\"hl_readCpxCard\",\"s_pinCode\":\"1234\"}");
    assertThat(answer.path("i_apiErrorType").asInt()).isEqualTo(6000);
    assertThat(answer.path("i_apiErrorCode").asInt()).isEqualTo(2);
    assertThat(answer.path("s_apiErrorDescription").asText()).contains("hl_getCpxCard");
  }

  @Test
  void statusGivesTriesValidityAndSerial() throws Exception {
    select("\"i_readerNumber\":0");
    ObjectNode status = call("{\"s_commandName\":\"hl_getCpxStatus\"}");

    assertThat(status.path("i_cardStatus").asInt()).isEqualTo(1);
    assertThat(status.path("i_nbInputLeft").asInt()).isEqualTo(3);
    assertThat(status.path("s_cardId").asText()).isEqualTo(CardRig.DOCTOR.cardSerialNumber());
    assertThat(status.path("s_validityDate").asText())
        .isEqualTo(CardRig.DOCTOR.validUntil().format(DateTimeFormatter.BASIC_ISO_DATE));
  }

  @Test
  void wrongPinsCountDownThenBlockTheCard() throws Exception {
    select("\"i_readerNumber\":0");

    ObjectNode first = read("0000");
    assertApiError(first, 7);
    assertThat(first.path("s_apiErrorExtendedInformations").asText()).isEqualTo("2 tries left");
    assertThat(read("1111").path("s_apiErrorExtendedInformations").asText()).isEqualTo("1 try left");
    ObjectNode third = read("2222");
    assertApiError(third, 1001);
    assertThat(third.path("s_apiErrorExtendedInformations").asText()).startsWith("0 tries left");

    assertThat(call("{\"s_commandName\":\"hl_getCpxStatus\"}").path("i_cardStatus").asInt()).isEqualTo(5);
    assertApiError(read("1234"), 1001);
    assertThat(first.toString() + third).doesNotContain("0000").doesNotContain("2222");
  }

  @Test
  void aMalformedPinUsesNoTry() throws Exception {
    select("\"i_readerNumber\":0");
    ObjectNode answer = read("12a4");
    assertApiError(answer, 7);
    assertThat(answer.path("s_apiErrorExtendedInformations").asText()).contains("no try was used");
    assertThat(answer.toString()).doesNotContain("12a4");
    assertThat(call("{\"s_commandName\":\"hl_getCpxStatus\"}").path("i_nbInputLeft").asInt()).isEqualTo(3);
  }

  @Test
  void theRightPinReadsTheHolderDataAndCertificates() throws Exception {
    select("\"i_readerNumber\":0");
    ObjectNode card = read("1234");

    assertThat(card.path("s_status").asText()).isEqualTo("OK");
    CpsIdentity doctor = CardRig.DOCTOR;
    assertThat(card.path("s_name").asText()).isEqualTo(doctor.name());
    assertThat(card.path("s_given").asText()).isEqualTo(doctor.given());
    assertThat(card.path("s_internalId").asText()).isEqualTo(doctor.psIdNat());
    assertThat(card.path("i_internalIdType").asInt()).isEqualTo(3);
    assertThat(card.path("s_profession").asText()).isEqualTo("10");
    assertThat(card.path("s_professionOid").asText()).isEqualTo("1.2.250.1.71.1.2.7");
    assertThat(card.path("s_professionDescription").asText()).isEqualTo("Médecin");
    assertThat(card.path("s_speciality").asText()).isEqualTo("SM26");
    assertThat(card.path("s_specialityDescription").asText()).isEqualTo(doctor.specialtyLabel());
    assertThat(card.path("i_remainingPinCodeInputs").asInt()).isEqualTo(3);
    assertThat(card.path("s_cpxSerialNumber").asText()).isEqualTo(doctor.cardSerialNumber());
    assertThat(card.path("i_cpxCardType").asInt()).as("a test card").isEqualTo(2);
    JsonNode locations = card.path("PracticeLocations");
    assertThat(locations).hasSize(2);
    assertThat(locations.get(0).path("s_practiceLocationName").asText())
        .isEqualTo(doctor.practiceLocations().get(0).name());
    assertThat(locations.get(1).path("s_practiceLocationActivity").asText()).isEqualTo("SA08");
    assertThat(locations.get(1).path("s_practiceLocationHealthcareSettings").asText()).isEqualTo("SA08");
    assertThat(certificate(card.path("s_signatureCertificatePEM").asText()))
        .isEqualTo(CardRig.CREDENTIALS.signatureCertificate());
    assertThat(certificate(card.path("s_authenticationCertificatePEM").asText()))
        .isEqualTo(CardRig.CREDENTIALS.authenticationCertificate());

    ObjectNode withoutCertificates =
        call("{\"s_commandName\":\"hl_readCpxCard\",\"s_pinCode\":\"1234\",\"i_returnCertificates\":0}");
    assertThat(withoutCertificates.has("s_signatureCertificatePEM")).isFalse();
  }

  @Test
  void signsStringsAndBase64DataVerifiablyWithTheReturnedCertificate() throws Exception {
    select("\"i_readerNumber\":0");
    byte[] text = "VIHF à signer".getBytes(StandardCharsets.UTF_8);
    byte[] binary = {0, 1, 2, (byte) 0xFF, 42};

    ObjectNode fromString =
        call("{\"s_commandName\":\"hl_signWithCpxCard\",\"s_pinCode\":\"1234\",\"s_stringToSign\":\"VIHF à signer\"}");
    ObjectNode fromBase64 =
        call("{\"s_commandName\":\"hl_signWithCpxCard\",\"s_pinCode\":\"1234\",\"i_digestType\":1,"
            + "\"s_dataToSignInBase64\":\"" + Base64.getEncoder().encodeToString(binary) + "\"}");

    assertSignature(fromString, text);
    assertSignature(fromBase64, binary);
  }

  @Test
  void signingNeedsDataAndSha256() throws Exception {
    select("\"i_readerNumber\":0");
    ObjectNode noData = call("{\"s_commandName\":\"hl_signWithCpxCard\",\"s_pinCode\":\"1234\"}");
    assertThat(noData.path("i_apiErrorCode").asInt()).isEqualTo(2);
    assertThat(noData.path("s_apiErrorDescription").asText()).contains("s_stringToSign");
    ObjectNode sha1 =
        call("{\"s_commandName\":\"hl_signWithCpxCard\",\"s_pinCode\":\"1234\",\"s_stringToSign\":\"x\",\"i_digestType\":2}");
    assertThat(sha1.path("s_apiErrorDescription").asText()).contains("i_digestType");
  }

  @Test
  void aCardPulledOutAsksForHlGetCpxCardAndWorksAgainOnceBack() throws Exception {
    select("\"i_readerNumber\":0");
    rig.reader.remove();

    assertApiError(read("1234"), 1003);
    assertThat(call("{\"s_commandName\":\"hl_getCpxStatus\"}").path("i_cardStatus").asInt()).isEqualTo(2);
    assertApiError(select("\"i_readerNumber\":0"), 1002);

    rig.reader.insert();
    assertThat(call("{\"s_commandName\":\"hl_getCpxStatus\"}").path("i_cardStatus").asInt())
        .as("a card is back, not necessarily the same")
        .isEqualTo(4);
    assertThat(select("\"i_readerNumber\":0").path("s_status").asText()).isEqualTo("OK");
    assertThat(read("1234").path("s_name").asText()).isEqualTo(CardRig.DOCTOR.name());
  }

  @Test
  void sessionStateShowsTheChosenReaderAndCard() throws Exception {
    ObjectNode before = call("{\"s_commandName\":\"hl_getSessionState\"}");
    assertThat(before.path("i_cpxReader").asInt()).isZero();
    assertThat(before.path("i_cpxCard").asInt()).isZero();
    select("\"i_readerNumber\":0");
    ObjectNode after = call("{\"s_commandName\":\"hl_getSessionState\"}");
    assertThat(after.path("i_cpxReader").asInt()).isPositive();
    assertThat(after.path("i_cpxCard").asInt()).isPositive();
  }

  @Test
  void anExpiredCardIsRefusedBeforeThePin(@TempDir Path other) throws Exception {
    CpsIdentity expired = CpsIdentity.testDoctor(LocalDate.now(ZoneOffset.UTC).minusDays(2));
    try (CardRig old = new CardRig(other, SimulatedCard.create(expired, CardRig.PKI.issueCard(expired)))) {
      old.worker.openSession("s-old", "app");
      old.worker.call("s-old", "{\"s_commandName\":\"hl_getCpxCard\",\"i_readerNumber\":0}");
      assertThat(old.worker.call("s-old", "{\"s_commandName\":\"hl_getCpxStatus\"}").path("i_cardStatus").asInt())
          .isEqualTo(6);
      ObjectNode read = old.worker.call("s-old", "{\"s_commandName\":\"hl_readCpxCard\",\"s_pinCode\":\"0000\"}");
      assertApiError(read, 1006);
      assertThat(old.worker.call("s-old", "{\"s_commandName\":\"hl_getCpxStatus\"}").path("i_nbInputLeft").asInt())
          .isEqualTo(3);
    }
  }

  private ObjectNode call(String json) throws InterruptedException {
    return rig.worker.call(SESSION, json);
  }

  private ObjectNode select(String fields) throws InterruptedException {
    return call("{\"s_commandName\":\"hl_getCpxCard\"," + fields + "}");
  }

  private ObjectNode read(String pin) throws InterruptedException {
    return call("{\"s_commandName\":\"hl_readCpxCard\",\"s_pinCode\":\"" + pin + "\",\"i_returnCertificates\":1}");
  }

  private static void assertApiError(ObjectNode answer, int code) {
    assertThat(answer.path("s_status").asText()).as(answer.toString()).isEqualTo("API_ERROR");
    assertThat(answer.path("i_apiErrorType").asInt()).isEqualTo(1);
    assertThat(answer.path("i_apiErrorCode").asInt()).as(answer.toString()).isEqualTo(code);
    assertThat(answer.path("s_apiErrorContext").asText()).startsWith("hl_");
  }

  private static void assertSignature(ObjectNode answer, byte[] data) throws Exception {
    assertThat(answer.path("s_status").asText()).as(answer.toString()).isEqualTo("OK");
    X509Certificate certificate = certificate(answer.path("s_signatureCertificate").asText());
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(data);
    assertThat(verifier.verify(Base64.getDecoder().decode(answer.path("s_signature").asText()))).isTrue();
    assertThat(answer.path("s_digest").asText())
        .isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data)));
  }

  private static X509Certificate certificate(String pem) throws Exception {
    assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n");
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }
}
