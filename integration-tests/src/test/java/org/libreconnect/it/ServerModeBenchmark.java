package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints requests/s and p50/p99 latencies of getDmpStatus through haproxy for one and for two
 * server-mode instances (8 client threads; the same two processes, haproxy's second frontend
 * reaching the first alone). Each instance runs its own in-process DMP simulator, so the figures
 * include the simulator's work on the same machine. Short by default;
 * {@code -Dlibreconnect.serverBenchmarkSeconds=30} for a longer run.
 */
class ServerModeBenchmark {
  private static final int THREADS = 8;

  @TempDir Path work;

  @Test
  void oneAndTwoInstances() throws Exception {
    int seconds = Integer.getInteger("libreconnect.serverBenchmarkSeconds", 3);
    try (ServerPair pair = ServerPair.start(work, 2)) {
      run("1 instance ", pair, pair.firstOnlyPort, seconds);
      run("2 instances", pair, pair.port, seconds);
    }
  }

  private static void run(String label, ServerPair pair, int port, int seconds) throws Exception {
    HttpClient client = pair.client();
    for (int i = 0; i < 20; i++) {
      pair.call(client, port); // warm-up: JIT, TLS sessions, pooled DMP connections
    }
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<Integer> failures = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      Thread thread = new Thread(() -> {
        while (System.nanoTime() < end) {
          long begin = System.nanoTime();
          int status = pair.call(client, port);
          if (status == 200) {
            latencies.add(System.nanoTime() - begin);
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
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    assertThat(sorted).as("some calls succeeded").isNotEmpty();
    System.out.printf("server mode %s: %.0f requests/s, p50 %.1f ms, p99 %.1f ms (%d calls, %d failed, %d threads, %d s)%n",
        label, sorted.size() / elapsed, percentile(sorted, 50), percentile(sorted, 99), sorted.size(),
        failures.size(), THREADS, seconds);
  }

  private static double percentile(List<Long> sorted, int p) {
    int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
