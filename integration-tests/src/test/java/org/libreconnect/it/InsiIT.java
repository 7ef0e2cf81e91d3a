package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.simulator.insi.InsiSimulator;
import org.libreconnect.testsupport.FreePort;

/**
 * INSi end to end over the WebSocket: a connector in simulation mode, whose worker starts the
 * INSi and DMP simulators in process when the official URLs are named; then the documented error
 * paths against INSi simulators started here (slow, refusing test cards) or no server at all.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsiIT {
  static final String QUALIFICATION = "https://qualiflps.services-ps.ameli.fr/lps";
  static final String LPS_INFOS = "\"LpsInfos\":{\"s_idam\":\"TESTLC000001\",\"s_numAM\":\"4\","
      + "\"s_version\":\"1.0.0\",\"s_instance\":\"791e183f-6f66-4248-a312-5ed5cd4785d4\","
      + "\"s_name\":\"LibreConnect\",\"s_billingNumber\":\"991130972\"}";

  DmpStack stack;

  @BeforeAll
  void start() throws Exception {
    stack = new DmpStack(Files.createTempDirectory(Path.of("target"), "insi-it").resolve("home"), "");
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  JsonNode createInsi(DmpStack.Session session, UnaryOperator<ObjectNode> changes) throws Exception {
    ObjectNode command = stack.client.mapper().createObjectNode();
    command.put("s_commandName", "hl_createInsiConnector");
    command.put("s_pinCode", DmpStack.PIN);
    command.put("s_insiUrl", QUALIFICATION);
    command.put("i_transactionsTimeout", 20);
    command.put("s_practiceSetting", "AMBULATOIRE");
    command.put("i_cpsPracticeLocationIndice", 0);
    return session.call(changes.apply(command));
  }

  static JsonNode search(DmpStack.Session session, String name, String given, int sex, String date) throws Exception {
    return session.call("{\"s_commandName\":\"hl_getInsFromIdentityInformation\"," + LPS_INFOS
        + ",\"s_birthName\":\"" + name + "\",\"s_given\":\"" + given + "\",\"i_sex\":" + sex
        + ",\"s_birthDate\":\"" + date + "\"}");
  }

  static JsonNode check(DmpStack.Session session, String ins, String key) throws Exception {
    return session.call("{\"s_commandName\":\"hl_checkInsIdentity\"," + LPS_INFOS + ",\"s_ins\":\"" + ins
        + "\",\"s_key\":\"" + key + "\",\"s_oid\":\"1.2.250.1.213.1.4.8\",\"s_birthName\":\"BERNARD-ESSAI\","
        + "\"s_given\":\"PAUL\",\"i_sex\":2,\"s_birthDate\":\"1953-07-12\",\"s_birthPlace\":\"89387\"}");
  }

  static void assertApiError(JsonNode answer, int type, int code) {
    assertThat(answer.path("s_status").asText()).as(answer.toString()).isNotEqualTo("OK");
    assertThat(answer.path("i_apiErrorType").asInt()).as(answer.toString()).isEqualTo(type);
    assertThat(answer.path("i_apiErrorCode").asInt()).as(answer.toString()).isEqualTo(code);
  }

  @Test
  void searchesVerificationAndTheDmpStatusWithTheQualifiedIns() throws Exception {
    DmpStack.Session session = stack.session("insi-happy");
    assertThat(createInsi(session, c -> c).path("s_status").asText()).isEqualTo("OK");

    JsonNode paul = search(session, "BERNARD-ESSAI", "PAUL", 2, "1953-07-12");
    assertThat(paul.path("s_status").asText()).as(paul.toString()).isEqualTo("OK");
    assertThat(paul.path("i_insIdentityResult").asInt()).isEqualTo(2);
    JsonNode identity = paul.path("Identity");
    assertThat(identity.path("Ins").path("s_value").asText()).isEqualTo("1530789876585");
    assertThat(identity.path("Ins").path("s_key").asText()).isEqualTo("13");
    assertThat(identity.path("Ins").path("s_oid").asText()).isEqualTo("1.2.250.1.213.1.4.8");
    assertThat(identity.path("s_birthName").asText()).isEqualTo("BERNARD-ESSAI");
    assertThat(identity.path("i_sex").asInt()).isEqualTo(2);
    assertThat(identity.path("s_birthDate").asText()).isEqualTo("1953-07-12");
    assertThat(identity.path("s_birthPlace").asText()).isEqualTo("89387");

    JsonNode several = search(session, "DURAND-ESSAI", "MARIE", 3, "1960-01-01");
    assertThat(several.path("i_insIdentityResult").asInt()).as(several.toString()).isEqualTo(3);
    assertThat(several.has("Identity")).isFalse();
    JsonNode none = search(session, "INCONNU-ESSAI", "JEAN", 2, "1970-01-01");
    assertThat(none.path("i_insIdentityResult").asInt()).as(none.toString()).isEqualTo(1);

    assertThat(check(session, "1530789876585", "13").path("s_status").asText()).isEqualTo("OK");
    JsonNode mismatch = check(session, "2790351215189", "89");
    assertApiError(mismatch, 2, 22);
    assertThat(mismatch.path("s_apiErrorDescription").asText()).contains("does not match");

    // The Vitale read is another command: without it, the documented error.
    JsonNode unread = session.call("{\"s_commandName\":\"hl_getInsFromVitaleCard\"," + LPS_INFOS
        + ",\"i_vitalePatientIndex\":0}");
    assertThat(unread.path("s_status").asText()).isNotEqualTo("OK");
    assertThat(unread.path("s_apiErrorDescription").asText()).contains("card must have been read");

    // The qualified INS feeds the DMP (in-process DMP simulator of the training URL).
    JsonNode dmp = session.call("{\"s_commandName\":\"hl_createDmpConnector\",\"s_pinCode\":\"" + DmpStack.PIN
        + "\",\"s_dmpUrl\":\"formation1\",\"i_transactionsTimeout\":20,\"s_practiceSetting\":\"AMBULATOIRE\","
        + "\"i_cpsPracticeLocationIndice\":0}");
    assertThat(dmp.path("s_status").asText()).as(dmp.toString()).isEqualTo("OK");
    String ins = identity.path("Ins").path("s_value").asText() + identity.path("Ins").path("s_key").asText();
    JsonNode status = session.status(ins);
    assertThat(status.path("s_status").asText()).as(status.toString()).isEqualTo("OK");
    assertThat(status.path("ExistingTestAnswer").path("i_dmpStatus").asInt()).isEqualTo(1);
  }

  /**
   * The daily workflow of the issue: read the Vitale card in the second reader, qualify a
   * beneficiary's INS with the card data, check the patient's DMP with it and send a document.
   */
  @Test
  void vitaleCardToQualifiedInsToDmpStatusToDocument() throws Exception {
    DmpStack.Session session = stack.session("insi-vitale");
    session.ok("{\"s_commandName\":\"hl_getVitaleCard\",\"i_readerNumber\":1}");
    JsonNode card = session.ok("{\"s_commandName\":\"hl_readVitaleCard\"}");
    assertThat(card.path("Patients")).hasSize(4);
    assertThat(createInsi(session, c -> c).path("s_status").asText()).isEqualTo("OK");

    // Every beneficiary of the card, the child and the lunar birth date included, gets its INS.
    String[] expected = {"153078987658513", "279035121518989", "115097511200382", "248209935004573"};
    for (int index = 0; index < expected.length; index++) {
      JsonNode answer = session.ok("{\"s_commandName\":\"hl_getInsFromVitaleCard\"," + LPS_INFOS
          + ",\"i_vitalePatientIndex\":" + index + "}");
      assertThat(answer.path("i_insIdentityResult").asInt()).as(answer.toString()).isEqualTo(2);
      JsonNode ins = answer.path("Identity").path("Ins");
      assertThat(ins.path("s_value").asText() + ins.path("s_key").asText()).as("beneficiary " + index)
          .isEqualTo(expected[index]);
    }
    JsonNode outside = session.call("{\"s_commandName\":\"hl_getInsFromVitaleCard\"," + LPS_INFOS
        + ",\"i_vitalePatientIndex\":4}");
    assertThat(outside.path("s_status").asText()).isNotEqualTo("OK");
    assertThat(outside.path("s_apiErrorDescription").asText()).contains("i_vitalePatientIndex");

    session.ok("{\"s_commandName\":\"hl_createDmpConnector\",\"s_pinCode\":\"" + DmpStack.PIN
        + "\",\"s_dmpUrl\":\"formation1\",\"i_transactionsTimeout\":20,\"s_practiceSetting\":\"AMBULATOIRE\","
        + "\"i_cpsPracticeLocationIndice\":0}");
    String alice = expected[1];
    JsonNode status = session.ok("{\"s_commandName\":\"hl_getDirectAuthenticationDMPStatus\",\"s_ins\":\""
        + alice + "\"}");
    assertThat(status.path("ExistingTestAnswer").path("i_dmpStatus").asInt()).isEqualTo(1);
    JsonNode child = session.ok("{\"s_commandName\":\"hl_getDirectAuthenticationDMPStatus\",\"s_ins\":\""
        + expected[2] + "\"}");
    assertThat(child.path("ExistingTestAnswer").path("i_dmpStatus").asInt()).as("the child has no DMP yet")
        .isEqualTo(3);

    ObjectNode send = stack.client.mapper().createObjectNode();
    send.put("s_commandName", "hl_sendDocument");
    send.put("s_ins", alice);
    send.put("s_fileContentBase64", java.util.Base64.getEncoder().encodeToString(
        "%PDF-1.4\n% compte rendu\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    send.put("s_documentTitle", "CR de consultation (INS qualifié par INSi)");
    send.put("s_documentDescription", "Patiente lue sur la carte Vitale");
    send.put("s_documentCategory", "11488-4");
    send.put("i_documentVisibility", 1);
    send.put("i_documentFormat", 5);
    send.put("s_healthcareSetting", "SA07");
    JsonNode sent = session.call(send);
    assertThat(sent.path("s_status").asText()).as(sent.toString()).isEqualTo("OK");
    assertThat(sent.path("s_uniqueId").asText()).isNotBlank();
  }

  @Test
  void traitsWithForbiddenCharactersAreRefusedWithoutBeingQuoted() throws Exception {
    DmpStack.Session session = stack.session("insi-traits");
    createInsi(session, c -> c);
    JsonNode refused = search(session, "BERNARD_ESSAI", "PAUL", 2, "1953-07-12");
    assertThat(refused.path("s_status").asText()).isNotEqualTo("OK");
    assertThat(refused.path("s_apiErrorDescription").asText()).contains("s_birthName").doesNotContain("BERNARD_ESSAI");
    JsonNode lower = search(session, "BERNARD-ESSAI", "paul", 2, "1953-07-12");
    assertThat(lower.path("s_apiErrorDescription").asText()).contains("s_given").doesNotContain("paul");
    JsonNode unknownSex = search(session, "BERNARD-ESSAI", "PAUL", 1, "1953-07-12");
    assertThat(unknownSex.path("s_apiErrorDescription").asText()).contains("i_sex");
    assertThat(search(session, "BERNARD-ESSAI", "PAUL", 2, "1953-07-12").path("s_status").asText()).isEqualTo("OK");
  }

  @Test
  void insiDownSlowOrRefusingTheCardGivesTheNetworkErrors() throws Exception {
    DmpStack.Session session = stack.session("insi-network");
    int closedPort = FreePort.onLoopback();
    createInsi(session, c -> c.put("s_insiUrl", "https://127.0.0.1:" + closedPort + "/lps"));
    assertApiError(search(session, "BERNARD-ESSAI", "PAUL", 2, "1953-07-12"), 3, 7);

    try (InsiSimulator slow = InsiSimulator.start(stack.material.pki(), Clock.systemUTC(), 0, Optional.empty())) {
      // The other URL key, s_serviceUrl, is read as well. A first connector with a long deadline
      // warms this simulator and the worker up; the short deadline is about the slow answer only.
      for (int seconds : new int[] {20, 3}) {
        createInsi(session, c -> {
          c.remove("s_insiUrl");
          c.put("s_serviceUrl", slow.endpoint().toString());
          c.put("i_transactionsTimeout", seconds);
          return c;
        });
        JsonNode warm = search(session, "BERNARD-ESSAI", "PAUL", 2, "1953-07-12");
        assertThat(warm.path("s_status").asText()).as(warm.toString()).isEqualTo("OK");
      }
      slow.delayAnswers(Duration.ofSeconds(8));
      long start = System.nanoTime();
      assertApiError(search(session, "BERNARD-ESSAI", "PAUL", 2, "1953-07-12"), 3, 28);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
      slow.delayAnswers(Duration.ZERO);
    }

    try (InsiSimulator production = InsiSimulator.start(stack.material.pki(), Clock.systemUTC(), 0,
        Optional.empty(), true)) {
      createInsi(session, c -> c.put("s_insiUrl", production.endpoint().toString()));
      JsonNode refused = search(session, "BERNARD-ESSAI", "PAUL", 2, "1953-07-12");
      assertApiError(refused, 3, 58);
      assertThat(refused.path("s_apiErrorDescription").asText()).contains("INSi server refused the card");
    }
  }
}
