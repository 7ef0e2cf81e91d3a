package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The DMP through the whole chain (WebSocket, master, worker, TLS signed by the simulated card,
 * DMP simulator), a new WebSocket per command as pages do: {@code hl_createDmpConnector} on a
 * session whose card is selected, the first TD0.2, which pays the TLS handshake with the card key,
 * then the following ones on the kept connection. Checks only that reuse makes later calls cheaper.
 *
 * <pre>./mvnw -B verify -pl benchmarks -Dit.test=DmpLatencyBenchmark [-Pbench]</pre>
 */
@Timeout(600)
class DmpLatencyBenchmark {
  private static final int APPLICATIONS = Figures.full() ? 4 : 1;
  private static final int CALLS = Figures.samples(12, 100);

  @Test
  void createConnectorFirstCallThenFollowingCalls() throws Exception {
    Path home = Files.createTempDirectory(Path.of("target"), "dmp-bench").resolve("home");
    List<Double> create = new ArrayList<>();
    List<Double> first = new ArrayList<>();
    List<Double> following = new ArrayList<>();
    try (Figures figures = new Figures("dmp-latency");
        DmpStack stack = new DmpStack(home, "<dmpconnect><log_level>4</log_level></dmpconnect>")) {
      for (int app = 0; app < APPLICATIONS; app++) {
        DmpStack.Session session = stack.session("dmp-bench-" + app);
        // the steady state: the pre-started replacement of this session's worker is ready
        PoolSettled.await(stack.client);
        long start = System.nanoTime();
        JsonNode created = session.createConnector(c -> c);
        create.add(Figures.since(start));
        assertThat(created.path("s_status").asText()).as(created.toString()).isEqualTo("OK");
        start = System.nanoTime();
        assertThat(session.status(DmpStack.INS).path("s_status").asText()).isEqualTo("OK");
        first.add(Figures.since(start));
        for (int i = 0; i < CALLS; i++) {
          long t = System.nanoTime();
          assertThat(session.status(DmpStack.INS).path("s_status").asText()).isEqualTo("OK");
          following.add(Figures.since(t));
        }
        session.call("{\"s_commandName\":\"hl_closeSession\"}");
      }
      figures.latency("hl_createDmpConnector (card selected), new WebSocket", create);
      Figures.Figure firstCall = figures.latency("first TD0.2 after hl_createDmpConnector (TLS handshake with the card key)", first);
      Figures.Figure next = figures.latency("next TD0.2 (kept DMP connection), new WebSocket", following);
      List<Long> worker = workerSide(home);
      if (worker.size() > APPLICATIONS) {
        List<Double> inside = new ArrayList<>();
        worker.forEach(ms -> inside.add(ms.doubleValue()));
        figures.latency("TD0.2 inside the worker (VIHF, SOAP, TLS, simulator; first calls included)", inside);
      }
      assertThat(next.percentile(50)).isLessThan(firstCall.percentile(50));
    }
  }

  /** The durations the worker logged for each TD0.2 ("dmp.transaction td=TD0.2 … ms=N"), in order. */
  static List<Long> workerSide(Path home) throws Exception {
    List<Long> durations = new ArrayList<>();
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("dmp\\.transaction td=TD0\\.2 .* ms=(\\d+)");
    try (var files = Files.walk(home.resolve("logs"))) {
      for (Path file : files.filter(p -> p.getFileName().toString().equals("connector.log")).toList()) {
        for (String line : Files.readAllLines(file)) {
          var matcher = pattern.matcher(line);
          if (matcher.find()) {
            durations.add(Long.parseLong(matcher.group(1)));
          }
        }
      }
    }
    return durations;
  }
}
