package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.Js2Client;

/** Sessions across separate sockets, idle expiry, bad input, monitoring, status page. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionLifecycleIT {
  @TempDir static Path home;
  private ConnectorFixture fixture;

  @BeforeAll
  void start() throws Exception {
    fixture = new ConnectorFixture(home, 1);
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
  }

  @Test
  void openCommandCloseOverSeparateSockets() throws Exception {
    JsonNode opened =
        fixture.call("{\"s_commandName\":\"hl_openSession\",\"i_timeoutInSeconds\":\"600\",\"s_applicationId\":\"lifecycle\"}");
    assertThat(opened.path("s_status").asText()).isEqualTo("OK");
    assertThat(opened.path("s_serviceVersion").asText()).isNotBlank();
    assertThat(opened.path("i_isProduction").asInt()).isZero();
    String session = opened.path("s_sessionId").asText();

    JsonNode stored =
        fixture.call("{\"s_commandName\":\"hl_setSessionData\",\"s_sessionId\":\"" + session
            + "\",\"s_sessionData64\":\"aGVsbG8=\"}");
    String dataId = stored.path("s_sessionDataId").asText();
    assertThat(dataId).isNotBlank();
    JsonNode read =
        fixture.call("{\"s_commandName\":\"hl_getSessionData\",\"s_sessionId\":\"" + session
            + "\",\"s_sessionDataId\":\"" + dataId + "\"}");
    assertThat(read.path("s_sessionData64").asText()).isEqualTo("aGVsbG8=");

    assertThat(fixture.client.get("/", null).body()).contains("Number of active sessions: ")
        .contains(org.libreconnect.protocol.SessionIds.shortForm(session)).doesNotContain(session);

    assertThat(fixture.call("{\"s_commandName\":\"hl_closeSession\",\"s_sessionId\":\"" + session + "\"}")
            .path("s_status").asText()).isEqualTo("OK");
    JsonNode after =
        fixture.call("{\"s_commandName\":\"hl_getSessionDataSize\",\"s_sessionId\":\"" + session + "\"}");
    assertThat(after.path("i_apiErrorType").asInt()).isEqualTo(6000);
    assertThat(after.path("i_apiErrorCode").asInt()).isEqualTo(3);
  }

  @Test
  void sessionIsBoundToItsOrigin() throws Exception {
    String session = fixture.openSession("bound");
    JsonNode other =
        fixture.client.call("https://a.example.org",
            "{\"s_commandName\":\"hl_getSessionDataSize\",\"s_sessionId\":\"" + session + "\"}");
    assertThat(other.path("i_apiErrorCode").asInt()).isEqualTo(3);
    fixture.call("{\"s_commandName\":\"hl_closeSession\",\"s_sessionId\":\"" + session + "\"}");
  }

  @Test
  void idleSessionsExpire() throws Exception {
    JsonNode opened =
        fixture.call("{\"s_commandName\":\"hl_openSession\",\"i_timeoutInSeconds\":2,\"s_applicationId\":\"idle\"}");
    String session = opened.path("s_sessionId").asText();
    assertThat(fixture.call("{\"s_commandName\":\"hl_getSessionDataSize\",\"s_sessionId\":\"" + session + "\"}")
            .path("s_status").asText()).isEqualTo("OK");
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    boolean listed = true;
    while (listed && System.nanoTime() < deadline) {
      Thread.sleep(500);
      listed = fixture.status().path("sessions").findValuesAsText("id")
          .contains(org.libreconnect.protocol.SessionIds.shortForm(session));
    }
    assertThat(listed).as("session removed after its idle timeout").isFalse();
    assertThat(fixture.call("{\"s_commandName\":\"hl_getSessionDataSize\",\"s_sessionId\":\"" + session + "\"}")
            .path("i_apiErrorCode").asInt()).isEqualTo(3);
  }

  @Test
  void badInputGetsJs2ErrorsAndTheSocketStaysUsable() throws Exception {
    String session = fixture.openSession("errors");
    try (Js2Client.Connection socket = fixture.client.connect(ConnectorFixture.APP_ORIGIN)) {
      socket.send("{\"s_commandName\": \"hl_getSessionDataSize\", ");
      JsonNode malformed = fixture.client.mapper().readTree(socket.next());
      assertThat(malformed.path("s_status").asText()).isEqualTo("ERROR");
      assertThat(malformed.path("i_apiErrorType").asInt()).isEqualTo(6000);
      assertThat(malformed.path("i_apiErrorCode").asInt()).isEqualTo(2);

      socket.send("{\"s_commandName\":\"hl_doesNotExist\",\"s_sessionId\":\"" + session + "\"}");
      JsonNode unknown = fixture.client.mapper().readTree(socket.next());
      assertThat(unknown.path("i_apiErrorCode").asInt()).isEqualTo(2);
      assertThat(unknown.path("s_apiErrorDescription").asText()).isEqualTo("Unknown command");
      assertThat(unknown.toString()).as("errors never quote input").doesNotContain("hl_doesNotExist");

      socket.send("{\"s_commandName\":\"hl_getSessionData\",\"s_sessionId\":\"" + session + "\"}");
      JsonNode missing = fixture.client.mapper().readTree(socket.next());
      assertThat(missing.path("i_apiErrorCode").asInt()).isEqualTo(2);
      assertThat(missing.path("s_apiErrorDescription").asText()).contains("s_sessionDataId");

      socket.send("{\"s_commandName\":\"hl_getSessionDataSize\",\"s_sessionId\":\"" + session + "\"}");
      assertThat(fixture.client.mapper().readTree(socket.next()).path("s_status").asText()).isEqualTo("OK");
      assertThat(socket.closeAndAwaitEcho()).isEqualTo(1000);
    }
  }

  @Test
  void oversizeFrameGetsAnErrorThenANormalClose() throws Exception {
    try (Js2Client.Connection socket = fixture.client.connect(ConnectorFixture.APP_ORIGIN)) {
      try {
        socket.send("{\"s_commandName\":\"hl_setSessionData\",\"s_sessionData64\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}");
      } catch (java.util.concurrent.ExecutionException e) {
        // The connector may refuse the frame from its header, before the client has sent it all.
      }
      JsonNode answer = fixture.client.mapper().readTree(socket.next());
      assertThat(answer.path("i_apiErrorType").asInt()).isEqualTo(6000);
      assertThat(answer.path("i_apiErrorCode").asInt()).isEqualTo(2);
      assertThat(answer.path("s_apiErrorDescription").asText()).contains("1048576");
      assertThat(socket.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    }
    assertThat(fixture.call("{\"s_commandName\":\"getLogLevels\"}").path("s_status").asText()).isEqualTo("OK");
  }

  @Test
  void dummyMonitoringStreamsUntilTheSocketCloses() throws Exception {
    String session = fixture.openSession("monitor");
    try (Js2Client.Connection socket = fixture.client.connect(ConnectorFixture.APP_ORIGIN)) {
      socket.send("{\"s_commandName\":\"hl_startDummyMonitoring\",\"s_sessionId\":\"" + session + "\"}");
      assertThat(socket.next()).isEqualTo("{\"s_status\":\"OK\"}");
      assertThat(socket.next()).isEqualTo("{\"s_status\":\"OK\",\"sMessage\":\"Test\"}");
      assertThat(socket.next()).isEqualTo("{\"s_status\":\"OK\",\"sMessage\":\"Test\"}");
      assertThat(openStreams(session)).isEqualTo(1);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (openStreams(session) != 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(openStreams(session)).isZero();
  }

  @Test
  void closingTheSessionEndsItsMonitoringWithAnErrorAndANormalClose() throws Exception {
    String session = fixture.openSession("monitor-close");
    try (Js2Client.Connection socket = fixture.client.connect(ConnectorFixture.APP_ORIGIN)) {
      socket.send("{\"s_commandName\":\"hl_startDummyMonitoring\",\"s_sessionId\":\"" + session + "\"}");
      assertThat(socket.next()).isEqualTo("{\"s_status\":\"OK\"}");
      fixture.call("{\"s_commandName\":\"hl_closeSession\",\"s_sessionId\":\"" + session + "\"}");
      String last = socket.next();
      while (last.contains("sMessage")) {
        last = socket.next();
      }
      JsonNode error = fixture.client.mapper().readTree(last);
      assertThat(error.path("s_status").asText()).isEqualTo("ERROR");
      assertThat(error.path("i_apiErrorCode").asInt()).isEqualTo(3);
      assertThat(socket.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    }
  }

  @Test
  void restClientsCanOpenASessionWithTextPlain() throws Exception {
    HttpResponse<String> response =
        fixture.client.post("/api/hl_opensession", ConnectorFixture.APP_ORIGIN,
            "{\"i_timeoutInSeconds\":60,\"s_dcparameters64\":\"eA==\"}", "text/plain;charset=UTF-8");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = fixture.client.mapper().readTree(response.body());
    assertThat(answer.path("s_status").asText()).isEqualTo("OK");
    String session = answer.path("s_sessionId").asText();
    HttpResponse<String> closed =
        fixture.client.post("/api/hl_closesession", ConnectorFixture.APP_ORIGIN,
            "{\"s_commandName\":\"hl_closeSession\",\"s_sessionId\":\"" + session + "\"}", "application/json");
    assertThat(closed.body()).isEqualTo("{\"s_status\":\"OK\"}");
  }

  private int openStreams(String session) throws Exception {
    for (JsonNode row : fixture.status().path("sessions")) {
      if (row.path("id").asText().equals(org.libreconnect.protocol.SessionIds.shortForm(session))) {
        return row.path("openMonitoringSockets").asInt();
      }
    }
    return -1;
  }
}
