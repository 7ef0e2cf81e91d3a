package org.libreconnect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkFrame.Kind;
import org.libreconnect.protocol.link.LinkMessages;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RequestDispatcherTest {
  @TempDir Path dir;
  private WorkerHarness worker;

  @BeforeEach
  void start() {
    worker = new WorkerHarness(dir);
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  @Test
  void openSessionAnswersOneFinalOk() throws Exception {
    long id =
        worker.send(
            "s-1", worker.wire.write(new LinkMessages.SessionOpened("s-1", "app", "u", "d", "o")));

    ObjectNode answer = worker.finalAnswer(id);

    assertThat(answer.toString()).isEqualTo("{\"s_status\":\"OK\"}");
    assertThat(worker.framesOf(id))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.FINAL);
              assertThat(f.sessionId()).isEqualTo("s-1");
            });
  }

  @Test
  void aCommandOfAnUnknownSessionIsAnInvalidSessionError() throws Exception {
    ObjectNode answer = worker.call("nobody", "{\"s_commandName\":\"hl_getSessionDataSize\"}");

    assertError(answer, 3, "hl_getSessionDataSize");
    assertThat(answer.get("s_apiErrorTypeDescription").asText())
        .isEqualTo("DmpConnectJsSoftwareErrors");
  }

  @Test
  void unknownAndMasterOnlyCommandsAreUnknownCommandErrors() throws Exception {
    worker.openSession("s-1", "app");

    ObjectNode unknown = worker.call("s-1", "{\"s_commandName\":\"hl_doesNotExist\"}");
    ObjectNode masterOnly = worker.call("s-1", "{\"s_commandName\":\"hl_openSession\"}");
    ObjectNode linkLike = worker.call("s-1", "{\"s_commandName\":\"link.reboot\"}");

    assertError(unknown, 2, "");
    assertThat(unknown.get("s_apiErrorDescription").asText()).isEqualTo("Unknown command");
    assertThat(unknown.toString()).doesNotContain("hl_doesNotExist");
    assertError(masterOnly, 2, "");
    assertError(linkLike, 2, "");
    assertThat(linkLike.toString()).doesNotContain("link.reboot");
  }

  @Test
  void aPayloadThatIsNotACommandIsAFunctionalError() throws Exception {
    ObjectNode notJson = worker.finalAnswer(worker.send("s-1", "{not json"));
    ObjectNode noName = worker.finalAnswer(worker.send("s-1", "{\"s_sessionId\":\"s-1\"}"));

    assertThat(notJson.get("i_apiErrorCode").asInt()).isEqualTo(2);
    assertThat(noName.get("s_apiErrorDescription").asText())
        .isEqualTo("Missing parameter: s_commandName");
  }

  @Test
  void inputsAreBoundAndCheckedAgainstTheCatalogueType() throws Exception {
    worker.openSession("s-1", "app");

    ObjectNode missing = worker.call("s-1", "{\"s_commandName\":\"hl_getSessionData\"}");
    ObjectNode notBase64 =
        worker.call("s-1", "{\"s_commandName\":\"hl_setSessionData\",\"s_sessionData64\":\"*?*\"}");

    assertError(missing, 2, "hl_getSessionData");
    assertThat(missing.get("s_apiErrorDescription").asText())
        .isEqualTo("Missing parameter: s_sessionDataId");
    assertThat(notBase64.get("s_apiErrorDescription").asText())
        .isEqualTo("Invalid parameter s_sessionData64: must be base64");
  }

  @Test
  void closeSessionIsIdempotentAndEndsTheSession() throws Exception {
    worker.openSession("s-1", "app");

    worker.closeSession("s-1");
    worker.closeSession("s-1");
    worker.closeSession("never-opened");

    assertError(worker.call("s-1", "{\"s_commandName\":\"hl_getSessionState\"}"), 3, null);
  }

  @Test
  void theSessionIdMayComeFromTheBodyWhenTheFrameHasNone() throws Exception {
    long open =
        worker.send(
            "", worker.wire.write(new LinkMessages.SessionOpened("s-9", "a", "u", "d", "o")));
    assertThat(worker.finalAnswer(open).get("s_status").asText()).isEqualTo("OK");

    long state =
        worker.send("", "{\"s_commandName\":\"hl_getSessionState\",\"s_sessionId\":\"s-9\"}");

    assertThat(worker.finalAnswer(state).get("s_status").asText()).isEqualTo("OK");
  }

  @Test
  void getSessionStateAnswersEveryHandleAsZero() throws Exception {
    worker.openSession("s-1", "app");

    ObjectNode state = worker.call("s-1", "{\"s_commandName\":\"hl_getSessionState\"}");

    assertThat(state.get("s_status").asText()).isEqualTo("OK");
    for (String key :
        List.of(
            "i_error",
            "i_cpxReader",
            "i_cpxCard",
            "i_vitaleCard",
            "i_practiceLocation",
            "i_authToken",
            "i_connection",
            "i_caCert",
            "i_user",
            "i_dmpConnector",
            "i_documentsFound")) {
      assertThat(state.get(key).asInt()).as(key).isZero();
    }
  }

  @Test
  void setLogLevelsAppliesValidLevelsAndRefusesOthers() throws Exception {
    long ok = worker.send("", worker.wire.write(new LinkMessages.SetLogLevels(6, 5)));
    long bad = worker.send("", worker.wire.write(new LinkMessages.SetLogLevels(9, 5)));

    assertThat(worker.finalAnswer(ok).get("s_status").asText()).isEqualTo("OK");
    ObjectNode refused = worker.finalAnswer(bad);
    assertThat(refused.get("s_apiErrorDescription").asText())
        .isEqualTo("Invalid parameter serviceLevel: must be between 1 and 7");
    assertThat(worker.logs.levels)
        .singleElement()
        .satisfies(l -> assertThat(l).containsExactly(6, 5));
  }

  @Test
  void shutdownAnswersOkThenExitsWithZero() throws Exception {
    long id = worker.send("", worker.wire.write(new LinkMessages.Bare(LinkMessages.SHUTDOWN)));

    assertThat(worker.finalAnswer(id).get("s_status").asText()).isEqualTo("OK");
    assertThat(worker.exits).containsExactly(0);
  }

  @Test
  void framesTheMasterShouldNotSendAreIgnored() {
    worker.dispatcher.dispatch(new LinkFrame(Kind.FINAL, 5, "", "{}"));
    worker.dispatcher.dispatch(new LinkFrame(Kind.HELLO, 0, "", "{}"));
    worker.cancel(12345);

    assertThat(worker.peer.sent()).isEmpty();
  }

  private static void assertError(ObjectNode answer, int code, String context) {
    assertThat(answer.get("s_status").asText()).isEqualTo("ERROR");
    assertThat(answer.get("i_apiErrorType").asInt()).isEqualTo(6000);
    assertThat(answer.get("i_apiErrorCode").asInt()).isEqualTo(code);
    if (context != null) {
      assertThat(answer.get("s_apiErrorContext").asText()).isEqualTo(context);
    }
  }
}
