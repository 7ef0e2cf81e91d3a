package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests/s and the latency of getDmpStatus through haproxy for one and for two server-mode
 * instances (8 client threads; the same two processes, haproxy's second frontend reaching the
 * first alone). Each instance runs its own in-process DMP simulator, so the figures include the
 * simulator's work on the same machine. 2 s per set in the short form, 30 s with {@code -Pbench},
 * {@code -Dlibreconnect.serverBenchmarkSeconds=N} to choose.
 */
class ServerModeBenchmark {
  private static final int THREADS = 8;
  private static final int WARM_UP = 20;

  @TempDir Path work;

  @Test
  void oneAndTwoInstances() throws Exception {
    int seconds = Integer.getInteger("libreconnect.serverBenchmarkSeconds", Figures.full() ? 30 : 2);
    try (Figures figures = new Figures("server-mode"); ServerPair pair = ServerPair.start(work, 2)) {
      run(figures, "1 instance", pair, pair.firstOnlyPort, seconds);
      run(figures, "2 instances", pair, pair.port, seconds);
    }
  }

  private static void run(Figures figures, String label, ServerPair pair, int port, int seconds) throws Exception {
    HttpClient client = pair.client();
    for (int i = 0; i < WARM_UP; i++) {
      pair.call(client, port); // JIT, TLS sessions, pooled DMP connections
    }
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    List<Integer> failures = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Thread thread = new Thread(() -> {
        while (System.nanoTime() < end) {
          long begin = System.nanoTime();
          int status = pair.call(client, port);
          if (status == 200) {
            latencies.add(Figures.since(begin));
          } else {
            failures.add(status);
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    assertThat(failures).as("every call answered 200").isEmpty();
    figures.latency(String.format(Locale.ROOT, "getDmpStatus through haproxy, %s, %d threads (%.0f requests/s over %d s)",
        label, THREADS, latencies.size() / elapsed, seconds), latencies);
  }
}
