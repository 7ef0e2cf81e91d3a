package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.it.CardSession.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.ConnectorProcess;
import org.libreconnect.testsupport.Js2Client;

/**
 * Measures, on the real stack (pcscd, the simulated card in a vpcd reader, reached through its
 * CPS commands), the latency a web page sees: card inserted until the monitoring event arrives on
 * the socket, and a whole {@code hl_signWithCpxCard} over a fresh WebSocket. Prints p50/p99 (and
 * writes them to {@code target/card-latency.txt}); asserts only that every sample succeeded.
 *
 * <pre>./mvnw -B verify -pl integration-tests -Dit.test=CardLatencyBenchmark</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class CardLatencyBenchmark {
  private static final String ORIGIN = ConnectorFixture.APP_ORIGIN;
  private static final int SAMPLES = Integer.getInteger("libreconnect.benchmark.samples", 60);
  private static final int WARM_UP = 5;

  @TempDir static Path home;
  private VirtualCardStack stack;
  private ConnectorFixture fixture;
  private final List<String> report = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    stack = VirtualCardStack.start();
    stack.insertFreshCard();
    fixture = new ConnectorFixture(home, ConnectorProcess.config(1, false, null, ORIGIN));
  }

  @AfterAll
  void stop() throws Exception {
    try {
      fixture.close();
    } finally {
      stack.close();
      Path out = Path.of("target", "card-latency.txt");
      Files.createDirectories(out.getParent());
      Files.write(out, report);
    }
  }

  @Test
  void insertToEventOnTheSocket() throws Exception {
    CardSession session = CardSession.open(fixture.client, ORIGIN, "bench-events");
    PoolSettled.await(fixture.client);
    List<Double> millis = new ArrayList<>();
    try (Js2Client.Connection socket = fixture.client.connect(ORIGIN)) {
      socket.send("{\"s_commandName\":\"hl_startCpxCardMonitoring\",\"s_sessionId\":\"" + session.id + "\"}");
      assertThat(socket.next()).isEqualTo("{\"s_status\":\"OK\"}");
      assertThat(status(socket.next())).isEqualTo(1);
      for (int i = 0; i < SAMPLES + WARM_UP; i++) {
        stack.remove();
        assertThat(status(socket.next())).isEqualTo(2);
        long inserted = System.nanoTime();
        stack.insert();
        assertThat(status(socket.next())).isEqualTo(1);
        if (i >= WARM_UP) {
          millis.add((System.nanoTime() - inserted) / 1e6);
        }
      }
    }
    print("card inserted -> ValidCardInserted on the socket", millis);
  }

  @Test
  void signOverAWebSocket() throws Exception {
    CardSession session = CardSession.open(fixture.client, ORIGIN, "bench-sign");
    assertOk(session.select(stack.readerName));
    PoolSettled.await(fixture.client);
    byte[] data = "VIHF".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < SAMPLES + WARM_UP; i++) {
      long sent = System.nanoTime();
      JsonNode answer = session.signString("1234", "VIHF");
      double elapsed = (System.nanoTime() - sent) / 1e6;
      CardSession.assertSignature(answer, data);
      if (i >= WARM_UP) {
        millis.add(elapsed);
      }
    }
    print("hl_signWithCpxCard, new WebSocket per command", millis);
  }

  private void print(String what, List<Double> samples) {
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    String line =
        String.format(
            Locale.ROOT,
            "card-latency %s: n=%d p50=%.1f ms p99=%.1f ms min=%.1f ms max=%.1f ms",
            what,
            sorted.size(),
            percentile(sorted, 50),
            percentile(sorted, 99),
            sorted.get(0),
            sorted.get(sorted.size() - 1));
    System.out.println(line);
    report.add(line);
  }

  private static double percentile(List<Double> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  private int status(String frame) throws Exception {
    return fixture.client.mapper().readTree(frame).path("i_cardStatus").asInt();
  }
}
