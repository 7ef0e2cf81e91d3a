package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.testsupport.FreePort;

/**
 * The DMP behind a real HTTP proxy (tinyproxy, CONNECT with basic authentication) and dated by
 * real NTP servers (chronyd on loopback ports, one right, one ten minutes ahead), all started and
 * stopped by scripts/net-stack.sh. The configuration names the proxy; commands override it.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DmpProxyNtpIT {
  static final Path SCRIPT = Path.of("..", "scripts", "net-stack.sh").toAbsolutePath().normalize();
  static final String LOGIN = "lc-user";
  static final String PASSWORD = "lc-pass-1";

  Path state;
  int proxyPort;
  int ntpPort;
  int skewedNtpPort;
  DmpStack stack;

  @BeforeAll
  void start() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "dmp-net-it");
    state = dir.resolve("net");
    run("install");
    proxyPort = FreePort.onLoopback();
    ntpPort = FreePort.onLoopback();
    skewedNtpPort = FreePort.onLoopback();
    run("start-proxy", state.toString(), String.valueOf(proxyPort), LOGIN, PASSWORD);
    run("start-ntp", state.resolve("ntp").toString(), String.valueOf(ntpPort), "0");
    run("start-ntp", state.resolve("skewed").toString(), String.valueOf(skewedNtpPort), "600");
    stack = new DmpStack(dir.resolve("home"),
        "<proxy><server>127.0.0.1</server><port>" + proxyPort + "</port><login>" + LOGIN + "</login><password>"
            + PASSWORD + "</password></proxy>\n<ntp><server>127.0.0.1</server><port>" + ntpPort + "</port></ntp>\n");
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (stack != null) {
        stack.close();
      }
    } finally {
      for (Path dir : List.of(state, state.resolve("ntp"), state.resolve("skewed"))) {
        run("stop", dir.toString());
      }
    }
  }

  @Test
  void theConfiguredProxyAndTimeServerCarryTheTransactions() throws Exception {
    int before = connects();
    DmpStack.Session session = stack.session("dmp-proxy");
    session.createConnector(c -> c);
    assertThat(session.status(DmpStack.INS).path("s_status").asText()).isEqualTo("OK");
    assertThat(connects()).isGreaterThan(before);
  }

  @Test
  void aWrongProxyPasswordIsANetworkErrorAndTheWorkerStaysUsable() throws Exception {
    DmpStack.Session session = stack.session("dmp-proxy-auth");
    session.createConnector(c -> c.put("s_proxyIpOrUrl", "127.0.0.1").put("i_proxyPort", proxyPort)
        .put("s_proxyLogin", LOGIN).put("s_proxyPassword", "wrong"));
    JsonNode refused = session.status(DmpStack.INS);
    assertThat(refused.path("s_status").asText()).as(refused.toString()).isEqualTo("API_ERROR");
    assertThat(refused.path("i_apiErrorType").asInt()).isEqualTo(3);
    assertThat(refused.path("s_apiErrorDescription").asText()).contains("The proxy refused").contains("proxy login");
    assertThat(refused.toString()).doesNotContain("wrong\"");
    session.createConnector(c -> c);
    assertThat(session.status(DmpStack.INS).path("s_status").asText()).isEqualTo("OK");
  }

  @Test
  void aSkewedTimeServerDatesTheVihfOutsideTheDmpWindow() throws Exception {
    DmpStack.Session session = stack.session("dmp-ntp");
    session.createConnector(c -> c.put("s_ntpIpOrUrl", "127.0.0.1").put("i_ntpPort", skewedNtpPort));
    JsonNode refused = session.status(DmpStack.INS);
    assertThat(refused.path("s_status").asText()).as(refused.toString()).isEqualTo("API_ERROR");
    assertThat(refused.path("i_apiErrorType").asInt()).isEqualTo(2);
    assertThat(refused.path("s_apiErrorDescription").asText()).startsWith("DMPVihfExpired");
    session.createConnector(c -> c.put("s_ntpIpOrUrl", "127.0.0.1").put("i_ntpPort", ntpPort));
    assertThat(session.status(DmpStack.INS).path("s_status").asText()).isEqualTo("OK");
  }

  @Test
  void anUnreachableTimeServerIsAClearErrorAtConnectorCreation() throws Exception {
    DmpStack.Session session = stack.session("dmp-no-ntp");
    int silent = FreePort.onLoopback();
    JsonNode refused = session.createConnector(c -> c.put("s_ntpIpOrUrl", "127.0.0.1").put("i_ntpPort", silent));
    assertThat(refused.path("s_status").asText()).as(refused.toString()).isEqualTo("API_ERROR");
    assertThat(refused.path("i_apiErrorType").asInt()).isEqualTo(3);
    assertThat(refused.path("s_apiErrorDescription").asText()).contains("time server").contains("did not answer");
    session.createConnector(c -> c);
    assertThat(session.status(DmpStack.INS).path("s_status").asText()).isEqualTo("OK");
  }

  /** CONNECT requests tinyproxy logged so far. */
  int connects() throws IOException {
    Path log = state.resolve("tinyproxy.log");
    if (!Files.exists(log)) {
      return 0;
    }
    return (int) Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains("CONNECT")).count();
  }

  static void run(String... arguments) throws Exception {
    String[] command = new String[arguments.length + 1];
    command[0] = SCRIPT.toString();
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("net-stack.sh " + String.join(" ", arguments) + " failed: " + output);
    }
  }
}
