package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.testsupport.ConnectorProcess;
import org.libreconnect.testsupport.Js2Client;
import org.libreconnect.testsupport.RawTls;
import org.libreconnect.testsupport.WrittenLogs;

/**
 * The hardening rows, against a real master and real workers over real TLS sockets: what an
 * attacker on the machine, a hostile page or a buggy client would try (docs/security.md).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class HardeningIT {
  private static final String APP = ConnectorFixture.APP_ORIGIN;
  @TempDir Path home;

  private static String config(String extraServerElements) {
    return ConnectorProcess.config(0, APP, "https://other.example.test")
        .replace("</server>", extraServerElements + "</server>");
  }

  private static String cmd(String name, String session) {
    return "{\"s_commandName\":\"" + name + "\",\"s_sessionId\":\"" + session + "\"}";
  }

  @Test
  void theStatusPagesNeverShowAWholeSessionId() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, 0)) {
      String session = fixture.openSession("app");
      String json = fixture.client.get("/status.json", null).body();
      String html = fixture.client.get("/", null).body();
      assertThat(json).contains(SessionIds.shortForm(session)).doesNotContain(session);
      assertThat(html).contains(SessionIds.shortForm(session)).doesNotContain(session);
      String log = WrittenLogs.read(home.resolve("logs/service.log"));
      assertThat(log).as("the session's line was written").contains("session.open session=" + SessionIds.shortForm(session));
      assertThat(log).doesNotContain(session);
    }
  }

  @Test
  void aFrozenWorkerGetsADeadlineThenIsReplacedWhileOthersKeepWorking() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, 0)) {
      String frozen = fixture.openSession("frozen");
      String healthy = fixture.openSession("healthy");
      long pid = fixture.workerPidOf(frozen);
      new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor();
      try {
        long start = System.nanoTime();
        JsonNode late = fixture.call(cmd("hl_getSessionLogsTail", frozen));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(late.path("s_status").asText()).isEqualTo("ERROR");
        assertThat(late.path("i_apiErrorCode").asInt()).isEqualTo(1);
        assertThat(late.path("s_apiErrorDescription").asText()).contains("did not answer within 6 s");
        assertThat(elapsedMillis).as("the wrapper's 4 s and half again").isBetween(5900L, 7500L);
        System.out.printf("HardeningIT: frozen worker, command answered after %d ms%n", elapsedMillis);

        assertThat(fixture.call(cmd("hl_getSessionDataSize", healthy)).path("s_status").asText())
            .isEqualTo("OK");
        assertThat(ConnectorProcess.awaitExit(pid, Duration.ofSeconds(15)))
            .as("the unresponsive worker is killed after its health probe").isTrue();
        JsonNode lost = fixture.call(cmd("hl_getSessionDataSize", frozen));
        assertThat(lost.path("i_apiErrorCode").asInt()).isEqualTo(1);
        assertThat(lost.path("s_apiErrorDescription").asText())
            .contains("stopped answering").contains("open a new session");
        assertThat(fixture.status().path("activeSessions").asInt()).as("the lost session ended").isEqualTo(1);
        String again = fixture.openSession("frozen");
        assertThat(fixture.workerPidOf(again)).isNotEqualTo(pid);
      } finally {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  @Test
  void parallelOpensStopAtTheWorkerAndSessionCaps() throws Exception {
    try (ConnectorFixture fixture =
        new ConnectorFixture(home, config("<max_workers>3</max_workers><max_sessions>10</max_sessions>"))) {
      List<JsonNode> answers = parallel(12, i -> fixture.call(
          "{\"s_commandName\":\"hl_openSession\",\"s_applicationId\":\"app-" + i + "\"}"));
      long ok = answers.stream().filter(a -> a.path("s_status").asText().equals("OK")).count();
      assertThat(ok).isEqualTo(3);
      assertThat(answers).filteredOn(a -> !a.path("s_status").asText().equals("OK"))
          .allSatisfy(a -> assertThat(a.path("s_apiErrorDescription").asText()).contains("server/max_workers"));
      assertThat(fixture.status().path("workers").size()).isLessThanOrEqualTo(3);

      int granted = 0;
      while (!answers.get(granted).path("s_status").asText().equals("OK")) {
        granted++;
      }
      String app = "app-" + granted;
      List<JsonNode> same = parallel(20, i -> fixture.call(
          "{\"s_commandName\":\"hl_openSession\",\"s_applicationId\":\"" + app + "\"}"));
      long sameOk = same.stream().filter(a -> a.path("s_status").asText().equals("OK")).count();
      assertThat(sameOk + ok).as("never past max_sessions").isEqualTo(10);
      assertThat(fixture.status().path("activeSessions").asInt()).isEqualTo(10);
    }
  }

  @Test
  void foreignHugePostsAreRefusedUnreadAndTheConnectorKeepsServing() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, 0)) {
      RawTls raw = new RawTls(fixture.connector.caCertificate(), fixture.connector.port());
      List<String> answers = parallel(10, i -> {
        try (SSLSocket socket = raw.open()) {
          RawTls.write(socket, "POST /api/hl_opensession HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Origin: https://evil.test\r\nContent-Type: text/plain\r\nContent-Length: "
              + (31 * 1024 * 1024) + "\r\n\r\n");
          byte[] chunk = new byte[64 * 1024];
          long sent = 0;
          try {
            for (int k = 0; k < 16; k++) {
              socket.getOutputStream().write(chunk);
              sent += chunk.length;
            }
          } catch (java.io.IOException closed) {
            // refused and closed: expected
          }
          return RawTls.readUntilClosed(socket, 4096);
        }
      });
      assertThat(answers).allSatisfy(answer -> assertThat(answer).startsWith("HTTP/1.1 403"));
      String session = fixture.openSession("still-here");
      assertThat(fixture.call(cmd("hl_getSessionDataSize", session)).path("s_status").asText()).isEqualTo("OK");
    }
  }

  @Test
  void clientInitiatedRenegotiationIsRefused() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, 0)) {
      RawTls raw = new RawTls(fixture.connector.caCertificate(), fixture.connector.port());
      try (SSLSocket socket = raw.open("TLSv1.2")) {
        boolean refused = false;
        try {
          socket.startHandshake(); // a second handshake on TLS 1.2 is a renegotiation
          RawTls.write(socket, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
          refused = !RawTls.readUntilClosed(socket, 4096).startsWith("HTTP/1.1 200");
        } catch (java.io.IOException e) {
          refused = true;
        }
        assertThat(refused).as("the renegotiated connection serves nothing").isTrue();
      }
      try (SSLSocket fresh = raw.open("TLSv1.2")) {
        RawTls.write(fresh, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(RawTls.readUntilClosed(fresh, 4096)).startsWith("HTTP/1.1 200");
      }
    }
  }

  @Test
  void theLinkPortRefusesAWrongTokenAndAnEarlyLargeFrame() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, 0)) {
      Matcher port = Pattern.compile("link\\.listen port=(\\d+)")
          .matcher(WrittenLogs.read(home.resolve("logs/service.log")));
      assertThat(port.find()).isTrue();
      int linkPort = Integer.parseInt(port.group(1));
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), linkPort)) {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(33 * 1024 * 1024);
        out.write(new byte[512]);
        out.flush();
        socket.setSoTimeout(5000);
        assertThat(readOrEnd(socket)).as("closed at once").isEqualTo(-1);
      }
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), linkPort)) {
        byte[] payload = ("{\"token\":\"" + "0".repeat(64) + "\",\"pid\":1,\"version\":\"x\"}")
            .getBytes(StandardCharsets.UTF_8);
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(1 + 8 + 4 + payload.length);
        out.writeByte(0); // HELLO
        out.writeLong(0);
        out.writeInt(0);
        out.write(payload);
        out.flush();
        socket.setSoTimeout(5000);
        assertThat(readOrEnd(socket)).isEqualTo(-1);
      }
      String session = fixture.openSession("fine");
      assertThat(fixture.call(cmd("hl_getSessionDataSize", session)).path("s_status").asText()).isEqualTo("OK");
    }
  }

  @Test
  void requestsAreCheckedOnTheirHeadHostAndShape() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, 0)) {
      RawTls raw = new RawTls(fixture.connector.caCertificate(), fixture.connector.port());
      assertThat(exchange(raw, "GET /status.json HTTP/1.1\r\nHost: rebound.attacker.test\r\n\r\n"))
          .startsWith("HTTP/1.1 421");
      assertThat(exchange(raw, "\u0001\u0002\u0003 garbage\r\n\r\n")).startsWith("HTTP/1.1 400");
      // refused on its first kilobytes; the connector reads and drops the rest before it closes
      // (RFC 9112, 9.6), so the client can write its whole request and read the answer
      assertThat(exchange(raw, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(512 * 1024) + "\r\n\r\n"))
          .startsWith("HTTP/1.1 400");
      // the REST URL names the command: a name in the body does not override it
      String session = fixture.openSession("rest");
      var rest = fixture.client.post("/api/hl_getsessiondatasize", APP,
          "{\"s_commandName\":\"hl_closeSession\",\"s_sessionId\":\"" + session + "\"}", "application/json");
      assertThat(rest.body()).contains("\"s_status\":\"OK\"").contains("i_sessionDataSize");
      assertThat(fixture.call(cmd("hl_getSessionDataSize", session)).path("s_status").asText())
          .as("the session was not closed").isEqualTo("OK");
      assertThat(fixture.client.post("/api/hl_nosuchcommand", APP, "{}", "application/json").statusCode())
          .isEqualTo(404);
      // an upgrade with a query string is answered like one without
      try (Js2Client.Connection socket = fixture.client.connect(APP, "/?x=1")) {
        socket.send("{\"s_commandName\":\"hl_nope\"}");
        assertThat(socket.next()).contains("Unknown command").doesNotContain("hl_nope");
      }
    }
  }

  @Test
  void theMasterLogIsForTheConnectorsOwnPagesOnly() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, 0)) {
      String tail = "{\"s_commandName\":\"getLogsTail\",\"i_serverLogNbLastLines\":5}";
      JsonNode refused = fixture.call(tail);
      assertThat(refused.path("s_status").asText()).isEqualTo("ERROR");
      assertThat(refused.path("s_apiErrorDescription").asText()).contains("server/log_origins");
      JsonNode levels = fixture.call("{\"s_commandName\":\"setLogLevels\",\"i_dmpConnectLogLevel\":5}");
      assertThat(levels.path("s_status").asText()).isEqualTo("ERROR");
      JsonNode own = fixture.client.call("https://127.0.0.1:" + fixture.connector.port(), tail);
      assertThat(own.path("s_status").asText()).isEqualTo("OK");
    }
  }

  @Test
  void anotherOriginWithTheSameApplicationIdGetsItsOwnWorkerAndData() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, config(""))) {
      String mine = fixture.openSession("shared-name");
      fixture.call("{\"s_commandName\":\"hl_setPersistantData\",\"s_sessionId\":\"" + mine
          + "\",\"s_persistantData64\":\"bWluZQ==\"}");
      JsonNode theirs = fixture.client.call("https://other.example.test",
          "{\"s_commandName\":\"hl_openSession\",\"s_applicationId\":\"shared-name\"}");
      String other = theirs.path("s_sessionId").asText();
      assertThat(fixture.workerPidOf(other)).isNotEqualTo(fixture.workerPidOf(mine));
      JsonNode data = fixture.client.call("https://other.example.test",
          "{\"s_commandName\":\"hl_getPersistantData\",\"s_sessionId\":\"" + other + "\"}");
      assertThat(data.path("s_persistantData64").asText()).isEmpty();
    }
  }

  @Test
  void silentConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
    try (ConnectorFixture fixture =
        new ConnectorFixture(home, config("<idle_timeout_seconds>5</idle_timeout_seconds>"
            + "<request_timeout_seconds>2</request_timeout_seconds>"))) {
      try (Js2Client.Connection socket = fixture.client.connect(APP)) {
        assertThat(socket.closed().get(15, TimeUnit.SECONDS)).isEqualTo(1000);
      }
      RawTls raw = new RawTls(fixture.connector.caCertificate(), fixture.connector.port());
      try (SSLSocket slow = raw.open()) {
        RawTls.write(slow, "POST /api/hl_opensession HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + APP
            + "\r\nContent-Length: 100\r\n\r\n{");
        long start = System.nanoTime();
        RawTls.readUntilClosed(slow, 4096);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
      }
    }
  }

  private static String exchange(RawTls raw, String request) throws Exception {
    try (SSLSocket socket = raw.open()) {
      RawTls.write(socket, request);
      return RawTls.readUntilClosed(socket, 4096);
    }
  }

  private static int readOrEnd(Socket socket) throws Exception {
    try {
      return socket.getInputStream().read();
    } catch (java.net.SocketException reset) {
      return -1;
    }
  }

  @FunctionalInterface
  private interface Task<T> {
    T run(int index) throws Exception;
  }

  private static <T> List<T> parallel(int count, Task<T> task) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(threads.submit((Callable<T>) () -> task.run(index)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
