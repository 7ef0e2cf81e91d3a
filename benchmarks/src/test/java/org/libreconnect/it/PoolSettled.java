package org.libreconnect.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.libreconnect.testsupport.Js2Client;

/**
 * Benchmarks measure the steady state: the pre-started worker taken by the session under test is
 * replaced a few seconds later (a JVM start that takes a core for a second), so they wait until
 * the replacement is ready before they measure.
 */
final class PoolSettled {
  private PoolSettled() {}

  static void await(Js2Client client) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = client.mapper().readTree(client.get("/status.json", null).body());
      for (JsonNode worker : status.path("workers")) {
        if (worker.path("assignedTo").asText().startsWith("(idle")
            && worker.path("state").asText().equals("READY")) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no idle worker became ready within 60 s");
  }
}
