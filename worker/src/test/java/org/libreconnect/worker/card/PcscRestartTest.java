package org.libreconnect.worker.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.simulator.card.SimulatedCard;

/** A PC/SC context that dies under the worker: a reader error event, a clear error, one request. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PcscRestartTest {
  @TempDir Path dir;

  @Test
  void theWorkerReportsTheRestartAndAsksOnceToBeReplaced() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    DyingPcscPort[] port = new DyingPcscPort[1];
    try (CardRig rig =
        new CardRig(
            dir,
            SimulatedCard.create(CardRig.DOCTOR, CardRig.CREDENTIALS),
            terminals -> port[0] = new DyingPcscPort(terminals),
            requests::add)) {
      rig.worker.openSession("s-1", "app");
      rig.worker.call("s-1", "{\"s_commandName\":\"hl_getCpxCard\",\"i_readerNumber\":0}");
      long monitor = rig.worker.command("s-1", "{\"s_commandName\":\"hl_startCpxCardMonitoring\"}");
      rig.worker.peer.await(f -> f.id() == monitor, 2, Duration.ofSeconds(5));

      port[0].kill();

      List<LinkFrame> frames = rig.worker.peer.await(f -> f.id() == monitor, 3, Duration.ofSeconds(5));
      assertThat(frames.get(2).payload())
          .isEqualTo("{\"s_status\":\"OK\",\"i_cardStatus\":7,\"s_cardStatus\":\"CpxReaderError\"}");
      ObjectNode readers = rig.worker.call("s-1", "{\"s_commandName\":\"hl_getPcscReaders\"}");
      assertThat(readers.path("s_status").asText()).isEqualTo("API_ERROR");
      assertThat(readers.path("i_apiErrorCode").asInt()).isEqualTo(1007);
      assertThat(readers.path("s_apiErrorDescription").asText()).contains("restarted");
      assertThat(readers.path("s_apiErrorExtendedInformations").asText()).contains("SCARD_E_NO_SERVICE");
      // the card monitor may have recorded the lost context first: it sends the one request
      // itself, possibly after this command's answer
      awaitSize(requests, 1);
      rig.worker.call("s-1", "{\"s_commandName\":\"hl_getCpxStatus\"}");
      Thread.sleep(300); // time for a second request, which must not come
      assertThat(requests).hasSize(1);
    }
  }

  private static void awaitSize(List<String> list, int size) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (list.size() < size && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(list).hasSize(size);
  }
}
