package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.ConnectorTrust;
import org.libreconnect.testsupport.KeptAliveHttp;

/**
 * Two server-mode instances behind a real haproxy: a bounded load of getDmpStatus calls keeps
 * succeeding while one instance is stopped (SIGTERM, as systemd stops it: its readiness turns
 * 503, its listener closes, its requests in flight finish).
 */
class ServerModeHaproxyIT {
  @TempDir Path work;

  @Test
  void aBoundedLoadKeepsSucceedingWhileOneInstanceStops() throws Exception {
    try (ServerPair pair = ServerPair.start(work, 2)) {
      HttpClient client = pair.client();
      for (int i = 0; i < 10; i++) {
        assertThat(pair.call(client)).as("warm-up call").isEqualTo(200);
      }
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger done = new AtomicInteger();
      ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Thread thread = new Thread(() -> {
          while (running.get() && done.get() < 2000) {
            statuses.computeIfAbsent(pair.call(client), key -> new AtomicInteger()).incrementAndGet();
            done.incrementAndGet();
          }
        });
        thread.start();
        threads.add(thread);
      }
      Thread.sleep(2000);
      int beforeStop = done.get();
      pair.servers.get(0).process().destroy();
      boolean stopped = pair.servers.get(0).process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
      int atStop = done.get();
      Thread.sleep(1500);
      running.set(false);
      for (Thread thread : threads) {
        thread.join(30_000);
      }
      int afterStop = done.get() - beforeStop;
      assertThat(stopped).as("the first instance stopped").isTrue();
      assertThat(done.get() - atStop).as("calls once the first instance is gone").isGreaterThan(2);
      assertThat(statuses.keySet()).as("every call answered 200: " + statuses).containsExactly(200);
      assertThat(beforeStop).as("calls before the stop " + statuses).isGreaterThan(3);
      assertThat(afterStop).as("calls after the stop " + statuses).isGreaterThan(3);
      assertThat(pair.servers.get(0).logs()).contains("rest.request caller=load operation=getDmpStatus status=200");
      assertThat(pair.servers.get(1).logs()).contains("rest.request caller=load operation=getDmpStatus status=200");
      System.out.printf("haproxy failover: %d calls before the stop, %d after, statuses %s%n",
          beforeStop, afterStop, statuses);
    }
  }

  /**
   * The race behind a lost call at SIGTERM, made certain: a client sends a call on a connection it
   * kept alive just after the stop began (as a load balancer's client does until it learns of the
   * stop). The call is answered with {@code Connection: close}, then the connection ends and the
   * process exits; the connection is not cut while the request travels.
   */
  @Test
  void aCallSentOnAKeptAliveConnectionJustAfterSigtermIsAnswered() throws Exception {
    try (ServerProcess server = ServerProcess.start(work.resolve("home"), ServerProcess.config(true,
            ServerPair.restConfig()));
        SSLSocket socket = (SSLSocket) ConnectorTrust.sslContext(server.caCertificate()).getSocketFactory()
            .createSocket("localhost", server.port())) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.setSoTimeout(30_000);
      KeptAliveHttp http = new KeptAliveHttp(socket);
      assertThat(getDmpStatus(http)).as("before the stop").containsEntry("status", "200")
          .containsEntry("connection", "keep-alive");
      server.process().destroy();
      Thread.sleep(300); // after the stop began, well within the drain's quiet second
      assertThat(server.process().isAlive()).as("still draining").isTrue();
      assertThat(getDmpStatus(http)).as("sent during the stop").containsEntry("status", "200")
          .containsEntry("connection", "close").containsEntry("dmpStatus", "1");
      assertThat(http.endOfStream()).as("then the connection ends").isTrue();
      assertThat(server.process().waitFor(20, TimeUnit.SECONDS)).as("and the process exits").isTrue();
      assertThat(server.logs()).contains("server.stopping inFlight=0 connectionsCut=0");
    }
  }

  /** Sends getDmpStatus on the kept-alive connection; answers the status code, the Connection header and the DMP status seen. */
  private static Map<String, String> getDmpStatus(KeptAliveHttp http) throws IOException {
    http.send("POST", "/getDmpStatus", "Authorization: Bearer " + ServerPair.TOKEN
        + "\r\nContent-Type: application/json\r\n", org.libreconnect.server.CurlExample.getDmpStatusBody(
            DmpScenario.EXISTING).getBytes(StandardCharsets.UTF_8));
    KeptAliveHttp.Answer answer = http.read();
    Map<String, String> seen = new HashMap<>();
    seen.put("status", Integer.toString(answer.status()));
    if (answer.headers().containsKey("connection")) {
      seen.put("connection", answer.connection());
    }
    if (answer.body().contains("\"i_dmpStatus\":1")) {
      seen.put("dmpStatus", "1");
    }
    return seen;
  }

  /**
   * SIGKILL: the requests in flight on the killed instance are lost with their connections; a
   * client retrying a read on a failed exchange (as behind any load balancer) still gets every
   * answer, and haproxy sends the retries and all new calls to the live instance.
   */
  @Test
  void aRetriedReadSucceedsWhenAnInstanceIsKilled() throws Exception {
    try (ServerPair pair = ServerPair.start(work, 2)) {
      HttpClient client = pair.client();
      for (int i = 0; i < 10; i++) {
        assertThat(pair.call(client)).as("warm-up call").isEqualTo(200);
      }
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger retried = new AtomicInteger();
      ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Thread thread = new Thread(() -> {
          while (running.get()) {
            int status = pair.call(client);
            // Each kept-alive connection the client had through haproxy to the killed instance
            // fails once (4 threads: at most 4 such connections); then a new one is made.
            for (int attempt = 0; status != 200 && attempt < 4; attempt++) {
              retried.incrementAndGet();
              status = pair.call(client);
            }
            statuses.computeIfAbsent(status, key -> new AtomicInteger()).incrementAndGet();
          }
        });
        thread.start();
        threads.add(thread);
      }
      Thread.sleep(2000);
      pair.servers.get(0).process().destroyForcibly();
      assertThat(pair.servers.get(0).process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      int total = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
      Thread.sleep(2500);
      running.set(false);
      for (Thread thread : threads) {
        thread.join(30_000);
      }
      int after = statuses.values().stream().mapToInt(AtomicInteger::get).sum() - total;
      assertThat(statuses.keySet()).as("every call answered 200 after retries: " + statuses).containsExactly(200);
      assertThat(after).as("calls after the kill").isGreaterThan(3);
      System.out.printf("haproxy kill -9: %d calls after the kill, %d retries, statuses %s%n",
          after, retried.get(), statuses);
    }
  }
}
