package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TD0.2 latency through the whole chain (WebSocket, master, worker, TLS signed by the simulated
 * card, DMP simulator): the first call, which pays the TLS handshake, then the following ones on
 * the kept connection. Prints the figures; checks only that reuse makes later calls cheaper.
 */
@Timeout(300)
class DmpLatencyBenchmark {
  static final int CALLS = 60;

  @Test
  void td02FirstCallThenFollowingCalls() throws Exception {
    Path home = Files.createTempDirectory(Path.of("target"), "dmp-bench").resolve("home");
    try (DmpStack stack = new DmpStack(home, "<dmpconnect><log_level>4</log_level></dmpconnect>")) {
      DmpStack.Session session = stack.session("dmp-bench");
      session.createConnector(c -> c);
      long start = System.nanoTime();
      assertThat(session.status(DmpStack.INS).path("s_status").asText()).isEqualTo("OK");
      double first = (System.nanoTime() - start) / 1e6;
      PoolSettled.await(stack.client);
      List<Double> following = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        long t = System.nanoTime();
        assertThat(session.status(DmpStack.INS).path("s_status").asText()).isEqualTo("OK");
        following.add((System.nanoTime() - t) / 1e6);
      }
      Collections.sort(following);
      double p50 = following.get(following.size() / 2);
      double p99 = following.get((int) Math.ceil(following.size() * 0.99) - 1);
      System.out.printf("DMP TD0.2 latency (WebSocket to answer, %d following calls): first call %.1f ms"
          + " (TLS handshake with the card key); following calls p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          CALLS, first, p50, p99, following.get(following.size() - 1));
      List<Long> worker = workerSide(home);
      if (!worker.isEmpty()) {
        List<Long> rest = new ArrayList<>(worker.subList(1, worker.size()));
        Collections.sort(rest);
        System.out.printf("DMP TD0.2 inside the worker (VIHF, SOAP, TLS, simulator): first %d ms;"
            + " following p50 %d ms, p99 %d ms%n", worker.get(0), rest.get(rest.size() / 2),
            rest.get((int) Math.ceil(rest.size() * 0.99) - 1));
      }
      assertThat(p50).isLessThan(first);
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
