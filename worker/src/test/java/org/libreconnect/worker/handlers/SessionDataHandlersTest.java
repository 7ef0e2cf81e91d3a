package org.libreconnect.worker.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.worker.WorkerHarness;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SessionDataHandlersTest {
  @TempDir Path dir;
  private WorkerHarness worker;

  @BeforeEach
  void start() throws Exception {
    worker = new WorkerHarness(dir);
    worker.openSession("s-1", "app");
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  @Test
  void dataRoundTripsAndUpdatesInPlace() throws Exception {
    String id = set(null, "first").get("s_sessionDataId").asText();

    assertThat(id).isNotEmpty();
    assertThat(get(id)).isEqualTo("first");
    assertThat(size()).isEqualTo(5);

    assertThat(set(id, "second!").get("s_sessionDataId").asText()).isEqualTo(id);
    assertThat(get(id)).isEqualTo("second!");
    assertThat(size()).isEqualTo(7);
  }

  @Test
  void removeAndClearDropData() throws Exception {
    String a = set(null, "aaaa").get("s_sessionDataId").asText();
    String b = set(null, "bb").get("s_sessionDataId").asText();

    ObjectNode removed =
        worker.call(
            "s-1",
            "{\"s_commandName\":\"hl_removeSessionData\",\"s_sessionDataId\":\"" + a + "\"}");
    assertThat(removed.toString()).isEqualTo("{\"s_status\":\"OK\"}");
    assertThat(size()).isEqualTo(2);

    worker.call("s-1", "{\"s_commandName\":\"hl_clearSessionData\"}");
    assertThat(size()).isZero();
    ObjectNode gone = getAnswer(b);
    assertThat(gone.get("i_apiErrorCode").asInt()).isEqualTo(2);
    assertThat(gone.get("s_apiErrorDescription").asText()).contains(b);
  }

  @Test
  void maximumSizeIsTheConfiguredLimitUnderBothKeys() throws Exception {
    ObjectNode max = worker.call("s-1", "{\"s_commandName\":\"hl_getMaximumSessionDataSize\"}");

    assertThat(max.get("i_maximumSessionDataSize").asLong())
        .isEqualTo(WorkerHarness.MAX_SESSION_DATA);
    assertThat(max.get("hl_getMaximumSessionDataSize").asLong())
        .isEqualTo(WorkerHarness.MAX_SESSION_DATA);
  }

  @Test
  void goingOverTheLimitIsAFunctionalErrorNamingTheLimit() throws Exception {
    set(null, "x".repeat(40));

    ObjectNode tooBig = set(null, "y".repeat(30));

    assertThat(tooBig.get("s_status").asText()).isEqualTo("ERROR");
    assertThat(tooBig.get("i_apiErrorType").asInt()).isEqualTo(6000);
    assertThat(tooBig.get("i_apiErrorCode").asInt()).isEqualTo(2);
    assertThat(tooBig.get("s_apiErrorDescription").asText())
        .contains("limit of " + WorkerHarness.MAX_SESSION_DATA + " bytes");
    assertThat(size()).isEqualTo(40);
  }

  @Test
  void unknownDataIdsAreFunctionalErrors() throws Exception {
    ObjectNode get = getAnswer("no-such-id");
    ObjectNode update = set("no-such-id", "data");
    ObjectNode remove =
        worker.call(
            "s-1",
            "{\"s_commandName\":\"hl_removeSessionData\",\"s_sessionDataId\":\"no-such-id\"}");

    for (ObjectNode answer : new ObjectNode[] {get, update, remove}) {
      assertThat(answer.get("i_apiErrorCode").asInt()).isEqualTo(2);
      assertThat(answer.get("s_apiErrorDescription").asText()).startsWith("Unknown session data");
    }
  }

  @Test
  void eachSessionHasItsOwnDataAndClosingDropsIt() throws Exception {
    String id = set(null, "mine").get("s_sessionDataId").asText();
    worker.openSession("s-2", "app");

    ObjectNode fromOther =
        worker.call(
            "s-2", "{\"s_commandName\":\"hl_getSessionData\",\"s_sessionDataId\":\"" + id + "\"}");
    assertThat(fromOther.get("i_apiErrorCode").asInt()).isEqualTo(2);

    worker.closeSession("s-1");
    worker.openSession("s-1", "app");
    assertThat(size()).isZero();
  }

  private ObjectNode set(String id, String text) throws InterruptedException {
    String idField = id == null ? "" : ",\"s_sessionDataId\":\"" + id + "\"";
    return worker.call(
        "s-1",
        "{\"s_commandName\":\"hl_setSessionData\""
            + idField
            + ",\"s_sessionData64\":\""
            + base64(text)
            + "\"}");
  }

  private String get(String id) throws InterruptedException {
    ObjectNode answer = getAnswer(id);
    assertThat(answer.get("s_status").asText()).isEqualTo("OK");
    return new String(
        Base64.getDecoder().decode(answer.get("s_sessionData64").asText()), StandardCharsets.UTF_8);
  }

  private ObjectNode getAnswer(String id) throws InterruptedException {
    return worker.call(
        "s-1", "{\"s_commandName\":\"hl_getSessionData\",\"s_sessionDataId\":\"" + id + "\"}");
  }

  private long size() throws InterruptedException {
    return worker
        .call("s-1", "{\"s_commandName\":\"hl_getSessionDataSize\"}")
        .get("i_sessionDataSize")
        .asLong();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
