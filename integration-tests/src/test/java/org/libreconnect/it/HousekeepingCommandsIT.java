package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.ConnectorProcess;

/**
 * Licence, connection, session-existence and debug commands against a real master and workers,
 * and the HTTPS entry points' answers to unknown or empty input. The debug commands end or freeze
 * the worker of the calling application only: the master and the other applications go on.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HousekeepingCommandsIT {
  @TempDir Path home;

  private static String debugConfig() {
    return ConnectorProcess.config(1, ConnectorFixture.APP_ORIGIN)
        .replace("</libreconnect>", "  <debug><crash_commands>true</crash_commands></debug>\n</libreconnect>");
  }

  private static String command(String name, String session) {
    return "{\"s_commandName\":\"" + name + "\",\"s_sessionId\":\"" + session + "\"}";
  }

  @Test
  void licenceConnectionAndSessionExistence() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, 1)) {
      String session = fixture.openSession("housekeeping");
      assertThat(fixture.call(command("hl_checkUserLicenseRight", session)).path("s_status").asText())
          .isEqualTo("OK");
      assertThat(fixture.call(command("hl_sessionExists", session)).path("i_sessionExists").asInt()).isEqualTo(1);
      assertThat(fixture.call("{\"s_commandName\":\"hl_sessionExists\"}").path("i_sessionExists").asInt()).isZero();
      assertThat(fixture.call(command("hl_sessionExists", "00000000-0000-0000-0000-000000000000"))
          .path("i_sessionExists").asInt()).isZero();

      JsonNode connection = fixture.call("{\"s_commandName\":\"hl_createConnection\",\"s_sessionId\":\"" + session
          + "\",\"s_server\":\"https://server.example.test/service\",\"i_requestTimeout\":20}");
      assertThat(connection.path("s_status").asText()).isEqualTo("OK");
      assertThat(connection.path("i_connectionHandle").asInt()).isEqualTo(2);
      assertThat(fixture.call(command("hl_getSessionState", session)).path("i_connection").asInt()).isEqualTo(2);
      JsonNode badServer = fixture.call("{\"s_commandName\":\"hl_createConnection\",\"s_sessionId\":\"" + session
          + "\",\"s_server\":\"ftp://user:secret@server.example.test\"}");
      assertThat(badServer.path("s_status").asText()).isEqualTo("ERROR");
      assertThat(badServer.path("i_apiErrorCode").asInt()).isEqualTo(2);
      assertThat(badServer.toString()).doesNotContain("secret").contains("s_server");

      // debug commands are refused when the configuration does not allow them
      JsonNode refused = fixture.call(command("hl_crash", session));
      assertThat(refused.path("s_status").asText()).isEqualTo("ERROR");
      assertThat(refused.path("s_apiErrorDescription").asText()).contains("debug/crash_commands");
      assertThat(fixture.call(command("hl_getSessionDataSize", session)).path("s_status").asText()).isEqualTo("OK");

      fixture.call(command("hl_closeSession", session));
      assertThat(fixture.call(command("hl_sessionExists", session)).path("i_sessionExists").asInt()).isZero();
    }
  }

  @Test
  void httpsEntryPointsAnswerUnknownAndEmptyInputClearly() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, 0)) {
      HttpResponse<String> unknown =
          fixture.client.post("/api/hl_nosuchcommand", ConnectorFixture.APP_ORIGIN, "{}", "application/json");
      assertThat(unknown.statusCode()).isEqualTo(404);
      JsonNode body = fixture.client.mapper().readTree(unknown.body());
      assertThat(body.path("s_status").asText()).isEqualTo("ERROR");
      assertThat(body.path("s_apiErrorDescription").asText()).isEqualTo("Unknown command");
      assertThat(unknown.body()).doesNotContain("nosuchcommand").doesNotContain("Missing parameter");

      HttpResponse<String> empty = fixture.client.post("/remotecommand/isDcParameterRegistered",
          ConnectorFixture.APP_ORIGIN, "{\"s_dcparameters64\":\"\"}", "text/plain;charset=UTF-8");
      assertThat(fixture.client.mapper().readTree(empty.body()).path("i_registered").asInt()).isZero();
      HttpResponse<String> given = fixture.client.post("/remotecommand/isDcParameterRegistered",
          ConnectorFixture.APP_ORIGIN, "{\"s_dcparameters64\":\"QUJD\"}", "text/plain;charset=UTF-8");
      assertThat(fixture.client.mapper().readTree(given.body()).path("i_registered").asInt()).isEqualTo(1);
      HttpResponse<String> registerEmpty = fixture.client.post("/remotecommand/registerDcParameter",
          ConnectorFixture.APP_ORIGIN, "{}", "text/plain;charset=UTF-8");
      JsonNode missing = fixture.client.mapper().readTree(registerEmpty.body());
      assertThat(missing.path("s_status").asText()).isEqualTo("ERROR");
      assertThat(missing.path("s_apiErrorDescription").asText()).contains("s_dcparameters64");
    }
  }

  @Test
  void crashEndsOnlyTheCallersWorkerAndTheMasterGoesOn() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, debugConfig())) {
      String victim = fixture.openSession("crash-app");
      String bystander = fixture.openSession("other-app");
      long victimPid = fixture.workerPidOf(victim);
      assertThat(victimPid).isNotEqualTo(fixture.workerPidOf(bystander));

      JsonNode crash = fixture.call(command("hl_crash", victim));
      assertThat(crash.path("s_status").asText()).isEqualTo("ERROR");
      assertThat(crash.path("i_apiErrorType").asInt()).isEqualTo(6000);
      assertThat(crash.path("i_apiErrorCode").asInt()).isEqualTo(1);
      assertThat(crash.path("s_apiErrorDescription").asText()).contains("open a new session");
      assertThat(ConnectorProcess.awaitExit(victimPid, Duration.ofSeconds(10))).isTrue();

      assertThat(fixture.call(command("hl_getSessionDataSize", victim)).path("s_status").asText()).isEqualTo("ERROR");
      assertThat(fixture.call(command("hl_getSessionDataSize", bystander)).path("s_status").asText()).isEqualTo("OK");
      assertThat(fixture.connector.pid()).matches(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
      String again = fixture.openSession("crash-app");
      assertThat(fixture.workerPidOf(again)).isNotEqualTo(victimPid);
    }
  }

  @Test
  void zombieIsFoundUnresponsiveAndEndedWhileOthersAreServed() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, debugConfig())) {
      String victim = fixture.openSession("zombie-app");
      String bystander = fixture.openSession("other-app");
      long victimPid = fixture.workerPidOf(victim);

      JsonNode zombie = fixture.call(command("hl_zombie", victim));
      assertThat(zombie.path("s_status").asText()).isEqualTo("ERROR");
      assertThat(zombie.path("i_apiErrorType").asInt()).isEqualTo(6000);
      assertThat(zombie.path("s_apiErrorDescription").asText()).contains("did not answer");
      assertThat(fixture.call(command("hl_getSessionDataSize", bystander)).path("s_status").asText()).isEqualTo("OK");
      // the health probe gets no answer either: the master ends the stopped process
      assertThat(ConnectorProcess.awaitExit(victimPid, Duration.ofSeconds(30))).isTrue();
      JsonNode after = fixture.call(command("hl_getSessionDataSize", victim));
      assertThat(after.path("s_status").asText()).isEqualTo("ERROR");
      assertThat(after.path("s_apiErrorDescription").asText()).contains("open a new session");
    }
  }
}
