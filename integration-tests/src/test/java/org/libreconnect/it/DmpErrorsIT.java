package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.Transaction;

/**
 * The documented error paths of the DMP commands, each followed by a successful command to show
 * that the worker stays usable: wrong PIN, test card on the production-like server, rights
 * refusal, missing specialty, transaction timeout, no connector.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DmpErrorsIT {
  DmpStack stack;

  @BeforeAll
  void start() throws Exception {
    stack = new DmpStack(Files.createTempDirectory(Path.of("target"), "dmp-errors-it").resolve("home"), "");
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  @AfterEach
  void clearInjections() {
    stack.simulator.injector().clear();
  }

  static void assertApiError(JsonNode answer, int type, int code) {
    assertThat(answer.path("s_status").asText()).as(answer.toString()).isEqualTo("API_ERROR");
    assertThat(answer.path("i_apiErrorType").asInt()).as(answer.toString()).isEqualTo(type);
    assertThat(answer.path("i_apiErrorCode").asInt()).as(answer.toString()).isEqualTo(code);
  }

  @Test
  void wrongPinAtConnectorCreationThenTheRightOne() throws Exception {
    DmpStack.Session session = stack.session("dmp-pin");
    JsonNode wrong = session.createConnector(c -> c.put("s_pinCode", "0000"));
    assertThat(wrong.path("s_status").asText()).isEqualTo("API_ERROR");
    assertThat(wrong.path("i_apiErrorType").asInt()).isEqualTo(1);
    assertThat(wrong.path("s_apiErrorDescription").asText()).isEqualTo("Wrong PIN code");
    assertThat(wrong.toString()).doesNotContain("0000");
    assertThat(session.status(DmpStack.INS).path("s_apiErrorDescription").asText()).contains("hl_createDmpConnector");
    session.createConnector(c -> c);
    assertThat(session.status(DmpStack.INS).path("s_status").asText()).isEqualTo("OK");
  }

  @Test
  void testCardOnTheProductionLikeServerIsRefusedDuringTheHandshake() throws Exception {
    DmpStack.Session session = stack.session("dmp-production");
    session.createConnector(c -> c.put("s_dmpUrl", stack.simulator.productionLikeBaseUrl().orElseThrow().toString()));
    JsonNode refused = session.status(DmpStack.INS);
    assertApiError(refused, 3, 58);
    assertThat(refused.path("s_apiErrorDescription").asText())
        .contains("test card used against the production DMP").contains("TLS handshake");
    session.createConnector(c -> c);
    assertThat(session.status(DmpStack.INS).path("s_status").asText()).isEqualTo("OK");
  }

  @Test
  void forbiddenActionKeepsTheDmpCodeAndText() throws Exception {
    DmpStack.Session session = stack.session("dmp-rights");
    session.createConnector(c -> c);
    JsonNode denied = session.call("{\"s_commandName\":\"hl_findDocuments\",\"s_ins\":\"153078987658513\"}");
    assertApiError(denied, 2, 1);
    assertThat(denied.path("s_apiErrorDescription").asText()).startsWith("DMPAccessDeniedByRightsService: ");
    assertThat(denied.path("s_apiErrorExtendedInformations").asText()).contains("code=DMPAccessDeniedByRightsService");
    assertThat(session.call("{\"s_commandName\":\"hl_findDocuments\",\"s_ins\":\"" + DmpStack.INS + "\"}")
        .path("s_status").asText()).isEqualTo("OK");
  }

  @Test
  void missingSpecialtyFaultComesBackAsTheDmpSentIt() throws Exception {
    DmpStack.Session session = stack.session("dmp-specialty");
    session.createConnector(c -> c);
    stack.simulator.injector().failNext(Transaction.TD0_2, 1, DmpError.MISSING_SPECIALITY);
    JsonNode fault = session.status(DmpStack.INS);
    assertApiError(fault, 2, 1);
    assertThat(fault.path("s_apiErrorDescription").asText()).startsWith("DMPMissingSpeciality: Aucune spécialité");
    assertThat(session.status(DmpStack.INS).path("s_status").asText()).isEqualTo("OK");
  }

  @Test
  void aSlowDmpHitsTheTransactionTimeout() throws Exception {
    DmpStack.Session session = stack.session("dmp-timeout");
    // A first connector warms the new worker JVM up (CXF, JSSE, the card key): on a loaded machine
    // a cold first call can take longer than the 2 s this test is about.
    session.createConnector(c -> c);
    assertThat(session.status(DmpStack.INS).path("s_status").asText()).isEqualTo("OK");
    session.createConnector(c -> c.put("i_transactionsTimeout", 2));
    assertThat(session.status(DmpStack.INS).path("s_status").asText()).isEqualTo("OK");
    stack.simulator.injector().delay(Transaction.TD0_2, Duration.ofSeconds(5));
    long start = System.nanoTime();
    JsonNode late = session.status(DmpStack.INS);
    assertApiError(late, 3, 28);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    stack.simulator.injector().clear();
    Thread.sleep(3500); // let the slow answer finish on the server side
    assertThat(session.status(DmpStack.INS).path("s_status").asText()).isEqualTo("OK");
  }
}
