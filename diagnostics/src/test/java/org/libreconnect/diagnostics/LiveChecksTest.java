package org.libreconnect.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.config.Proxy;

/**
 * The live checks against real parts on loopback: a TCP listener standing for a national
 * endpoint, tinyproxy with basic authentication, chronyd serving true and skewed time.
 */
class LiveChecksTest {
  private static final String LOGIN = "support";
  private static final String PASSWORD = "proxy-secret-4711";
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  @TempDir static Path state;
  private static NetStack stack;
  private static ServerSocket endpointServer;
  private static Endpoint endpoint;
  private static int proxyPort;
  private static int ntpPort;
  private static int skewedNtpPort;

  @BeforeAll
  static void start() throws Exception {
    stack = new NetStack(state);
    endpointServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!endpointServer.isClosed()) {
        try {
          endpointServer.accept().close();
        } catch (IOException e) {
          return;
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    endpoint = new Endpoint("DMP", "127.0.0.1", endpointServer.getLocalPort());
    proxyPort = NetStack.freePort();
    stack.startProxy(proxyPort, LOGIN, PASSWORD);
    ntpPort = NetStack.freePort();
    stack.startNtp("ntp", ntpPort, 0);
    skewedNtpPort = NetStack.freePort();
    stack.startNtp("skewed", skewedNtpPort, 600);
  }

  @AfterAll
  static void stop() throws Exception {
    if (endpointServer != null) {
      endpointServer.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private static Proxy proxy(int port, String password) {
    return new Proxy(Optional.of("127.0.0.1"), OptionalInt.of(port), Optional.of(LOGIN), Optional.of(password));
  }

  @Test
  void endpointReachableDirectly() {
    CheckResult result = new DirectReachability(endpoint, TIMEOUT).run();
    assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.OK);
  }

  @Test
  void closedEndpointFailsWithWhatToDo() throws IOException {
    Endpoint closed = new Endpoint("DMP", "127.0.0.1", NetStack.freePort());
    CheckResult result = new DirectReachability(closed, TIMEOUT).run();
    assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAILED);
    assertThat(result.remedy()).contains("network administrator");
  }

  @Test
  void endpointReachableThroughTheProxy() {
    CheckResult result = new ProxyReachability(endpoint, proxy(proxyPort, PASSWORD), TIMEOUT).run();
    assertThat(result.outcome()).as(result.line()).isEqualTo(CheckResult.Outcome.OK);
    assertThat(result.line()).doesNotContain(PASSWORD);
  }

  @Test
  void wrongProxyPasswordIsNamed() {
    CheckResult result = new ProxyReachability(endpoint, proxy(proxyPort, "wrong-password"), TIMEOUT).run();
    assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAILED);
    assertThat(result.detail()).contains("refused the login");
    assertThat(result.remedy()).contains("proxy login and password");
    assertThat(result.line()).doesNotContain("wrong-password");
  }

  @Test
  void proxyThatDoesNotListenFails() throws IOException {
    CheckResult result = new ProxyReachability(endpoint, proxy(NetStack.freePort(), PASSWORD), TIMEOUT).run();
    assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAILED);
    assertThat(result.remedy()).contains("proxy server and port");
  }

  @Test
  void noProxyConfiguredIsSkipped() {
    assertThat(new ProxyReachability(endpoint, Proxy.none(), TIMEOUT).run().outcome())
        .isEqualTo(CheckResult.Outcome.SKIPPED);
  }

  @Test
  void ntpServerAnswersWithSmallOffset() {
    CheckResult result = new NtpCheck("127.0.0.1", ntpPort, TIMEOUT).run();
    assertThat(result.outcome()).as(result.line()).isEqualTo(CheckResult.Outcome.OK);
    assertThat(result.detail()).contains("offset");
  }

  @Test
  void skewedNtpServerFailsOnTheOffset() {
    CheckResult result = new NtpCheck("127.0.0.1", skewedNtpPort, TIMEOUT).run();
    assertThat(result.outcome()).as(result.line()).isEqualTo(CheckResult.Outcome.FAILED);
    assertThat(result.detail()).containsPattern("offset 59\\d{4} ms|offset 60\\d{4} ms");
    assertThat(result.remedy()).contains("clock");
  }

  @Test
  void silentNtpPortTimesOut() throws IOException {
    CheckResult result = new NtpCheck("127.0.0.1", NetStack.freePort(), Duration.ofMillis(800)).run();
    assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAILED);
    assertThat(result.remedy()).contains("UDP port");
  }

  @Test
  void localhostResolvesToLoopbackAndAnOutsideAddressDoesNot() {
    assertThat(new LoopbackNameCheck("localhost").run().outcome()).isEqualTo(CheckResult.Outcome.OK);
    CheckResult outside = new LoopbackNameCheck("192.0.2.1").run();
    assertThat(outside.outcome()).isEqualTo(CheckResult.Outcome.FAILED);
    assertThat(outside.remedy()).contains("libreconnect-admin hosts ensure");
    assertThat(new LoopbackNameCheck("no-such-name.invalid").run().outcome())
        .isEqualTo(CheckResult.Outcome.FAILED);
  }
}
