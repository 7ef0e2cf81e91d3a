package org.libreconnect.worker.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.worker.WorkerHarness;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PersistentDataHandlersTest {
  @TempDir Path dir;

  @Test
  void dataOfAnApplicationSurvivesItsSessionsAndANewWorker() throws Exception {
    try (WorkerHarness first = new WorkerHarness(dir)) {
      first.openSession("s-1", "app-A");
      assertThat(get(first, "s-1")).isEmpty();
      ObjectNode set = set(first, "s-1", "kept across restarts");
      assertThat(set.toString()).isEqualTo("{\"s_status\":\"OK\"}");
      first.closeSession("s-1");
    }

    try (WorkerHarness second = new WorkerHarness(dir)) {
      second.openSession("s-2", "app-A");
      second.openSession("s-3", "app-B");

      assertThat(get(second, "s-2")).isEqualTo("kept across restarts");
      assertThat(get(second, "s-3")).isEmpty();
      assertThat(
              second
                  .call("s-2", "{\"s_commandName\":\"hl_getPersistantDataSize\"}")
                  .get("i_persistantDataSize")
                  .asLong())
          .isEqualTo(20);
    }
  }

  @Test
  void anotherOriginWithTheSameApplicationIdSeesNoneOfItsData() throws Exception {
    try (WorkerHarness worker = new WorkerHarness(dir)) {
      worker.openSession("s-1", "app", "https://a.test");
      worker.openSession("s-2", "app", "https://b.test");
      set(worker, "s-1", "only for a.test");
      assertThat(get(worker, "s-2")).isEmpty();
      set(worker, "s-2", "b's own");
      assertThat(get(worker, "s-1")).isEqualTo("only for a.test");
      worker.call("s-2", "{\"s_commandName\":\"hl_clearPersistantData\"}");
      assertThat(get(worker, "s-1")).isEqualTo("only for a.test");
    }
  }

  @Test
  void clearRemovesTheApplicationsData() throws Exception {
    try (WorkerHarness worker = new WorkerHarness(dir)) {
      worker.openSession("s-1", "app");
      set(worker, "s-1", "something");

      worker.call("s-1", "{\"s_commandName\":\"hl_clearPersistantData\"}");

      assertThat(get(worker, "s-1")).isEmpty();
      assertThat(
              worker
                  .call("s-1", "{\"s_commandName\":\"hl_getPersistantDataSize\"}")
                  .get("i_persistantDataSize")
                  .asLong())
          .isZero();
    }
  }

  @Test
  void theLimitIsAnsweredAndEnforced() throws Exception {
    try (WorkerHarness worker = new WorkerHarness(dir)) {
      worker.openSession("s-1", "app");

      ObjectNode max =
          worker.call("s-1", "{\"s_commandName\":\"hl_getMaximumPersistantDataSize\"}");
      ObjectNode tooBig = set(worker, "s-1", "z".repeat(33));

      assertThat(max.get("i_maximumPersistantDataSize").asLong())
          .isEqualTo(WorkerHarness.MAX_PERSISTENT_DATA);
      assertThat(tooBig.get("i_apiErrorCode").asInt()).isEqualTo(2);
      assertThat(tooBig.get("s_apiErrorDescription").asText())
          .contains("limit of " + WorkerHarness.MAX_PERSISTENT_DATA + " bytes");
      assertThat(get(worker, "s-1")).isEmpty();
    }
  }

  private static ObjectNode set(WorkerHarness worker, String session, String text)
      throws InterruptedException {
    String data = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    return worker.call(
        session,
        "{\"s_commandName\":\"hl_setPersistantData\",\"s_persistantData64\":\"" + data + "\"}");
  }

  private static String get(WorkerHarness worker, String session) throws InterruptedException {
    ObjectNode answer = worker.call(session, "{\"s_commandName\":\"hl_getPersistantData\"}");
    assertThat(answer.get("s_status").asText()).isEqualTo("OK");
    return new String(
        Base64.getDecoder().decode(answer.get("s_persistantData64").asText()),
        StandardCharsets.UTF_8);
  }
}
