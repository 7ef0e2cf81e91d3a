package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.libreconnect.testsupport.Js2Client;
import org.junit.jupiter.api.Timeout;

/**
 * The DMP through the whole chain (WebSocket, master, worker, TLS signed by the simulated card,
 * DMP simulator): {@code hl_createDmpConnector} on a session whose card is selected and the first
 * TD0.2, which pays the TLS handshake with the card key, on a connector that just started; then,
 * warmed, the following TD0.2 over a new WebSocket per command (as pages do) and over one open
 * WebSocket, interleaved. The simulator times each request it answers, so the round trip is also
 * given without the simulator's own share: what the connector adds to a DMP's answer time.
 * Checks only that every call succeeded and that reuse makes later calls cheaper.
 *
 * <pre>./mvnw -B verify -pl benchmarks -Dit.test=DmpLatencyBenchmark [-Pbench]</pre>
 */
@Timeout(900)
class DmpLatencyBenchmark {
  private static final int APPLICATIONS = Figures.full() ? 4 : 1;
  private static final int CALLS = Figures.samples(30, 300);
  private static final int WARM_UP = Figures.warmUp(150, 1000);

  @Test
  void createConnectorFirstCallThenFollowingCalls() throws Exception {
    Path home = Files.createTempDirectory(Path.of("target"), "dmp-bench").resolve("home");
    List<Double> create = new ArrayList<>();
    List<Double> first = new ArrayList<>();
    List<Double> firstWithoutSimulator = new ArrayList<>();
    List<Double> newSocket = new ArrayList<>();
    List<Double> oneSocket = new ArrayList<>();
    List<Double> simulator = new ArrayList<>();
    List<Double> withoutSimulator = new ArrayList<>();
    try (Figures figures = new Figures("dmp-latency");
        DmpStack stack = new DmpStack(home, "<dmpconnect><log_level>4</log_level></dmpconnect>")) {
      // the simulator runs in this fresh JVM; a throwaway application warms it, as a real DMP is
      PoolSettled.await(stack.client);
      Rehearsals.await(home, 1);
      DmpStack.Session throwaway = stack.session("dmp-bench-simulator-warm-up");
      assertOk(throwaway.createConnector(c -> c));
      for (int i = 0; i < 20; i++) {
        assertOk(throwaway.status(DmpStack.INS));
      }
      throwaway.call("{\"s_commandName\":\"hl_closeSession\"}");
      for (int app = 0; app < APPLICATIONS; app++) {
        // the steady state: a pre-started worker that had the time to rehearse takes the
        // application, and its own pre-started replacement is ready and has rehearsed too
        PoolSettled.await(stack.client);
        Rehearsals.await(home, app + 2);
        DmpStack.Session session = stack.session("dmp-bench-" + app);
        PoolSettled.await(stack.client);
        Rehearsals.await(home, app + 3);
        stack.simulator.serviceTimes().take();
        long start = System.nanoTime();
        JsonNode created = session.createConnector(c -> c);
        create.add(Figures.since(start));
        assertThat(created.path("s_status").asText()).as(created.toString()).isEqualTo("OK");
        start = System.nanoTime();
        assertOk(session.status(DmpStack.INS));
        first.add(Figures.since(start));
        String status = "{\"s_commandName\":\"hl_getDirectAuthenticationDMPStatus\",\"s_ins\":\""
            + DmpStack.INS + "\",\"s_sessionId\":\"" + session.id + "\"}";
        int warmUp = app == 0 ? WARM_UP : 0;
        try (Js2Client.Connection socket = stack.client.connect(DmpStack.ORIGIN)) {
          for (int i = 0; i < warmUp + CALLS; i++) {
            long t = System.nanoTime();
            assertOk(session.status(DmpStack.INS));
            double fresh = Figures.since(t);
            t = System.nanoTime();
            socket.send(status);
            assertOk(stack.client.mapper().readTree(socket.next()));
            double kept = Figures.since(t);
            if (i >= warmUp) {
              newSocket.add(fresh);
              oneSocket.add(kept);
            }
          }
        }
        // one request per TD0.2, in order: the first, then pairs of new-socket and one-socket
        // calls; the simulator records a request once its answer is written, which may be just
        // after the client read it
        List<Double> served = served(stack, 1 + 2 * (warmUp + CALLS));
        firstWithoutSimulator.add(first.get(first.size() - 1) - served.get(0));
        served = served.subList(served.size() - 2 * CALLS, served.size());
        for (int i = 0; i < CALLS; i++) {
          simulator.add(served.get(2 * i + 1));
          withoutSimulator.add(oneSocket.get(oneSocket.size() - CALLS + i) - served.get(2 * i + 1));
        }
        session.call("{\"s_commandName\":\"hl_closeSession\"}");
      }
      figures.latency("hl_createDmpConnector (card selected), new WebSocket", create);
      Figures.Figure firstCall = figures.latency("first TD0.2 after hl_createDmpConnector (TLS handshake with the card key)", first);
      figures.latency("first TD0.2, without the simulator's own time", firstWithoutSimulator);
      Figures.Figure next = figures.latency("next TD0.2 (kept DMP connection), new WebSocket", newSocket);
      figures.latency("next TD0.2, one open WebSocket", oneSocket);
      figures.latency("the simulator's own time for that TD0.2 (headers read to answer written)", simulator);
      figures.latency("next TD0.2, one open WebSocket, without the simulator's own time (the connector's share)", withoutSimulator);
      assertThat(next.percentile(50)).isLessThan(firstCall.percentile(50));
    }
  }

  private static List<Double> served(DmpStack stack, int expected) throws InterruptedException {
    List<Double> served = new ArrayList<>(stack.simulator.serviceTimes().take());
    for (long deadline = System.nanoTime() + 5_000_000_000L; served.size() < expected && System.nanoTime() < deadline; ) {
      Thread.sleep(10);
      served.addAll(stack.simulator.serviceTimes().take());
    }
    assertThat(served).hasSize(expected);
    return served;
  }

  private static void assertOk(JsonNode answer) {
    assertThat(answer.path("s_status").asText()).as(answer.toString()).isEqualTo("OK");
  }
}
