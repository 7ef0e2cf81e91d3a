package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
