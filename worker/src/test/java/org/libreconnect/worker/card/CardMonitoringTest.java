package org.libreconnect.worker.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkFrame.Kind;

/** hl_startCpxCardMonitoring: acknowledgement, current state, one event per change, and its end. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CardMonitoringTest {
  private static final String SESSION = "s-monitor";
  private static final String START =
      "{\"s_commandName\":\"hl_startCpxCardMonitoring\",\"i_checkingInterval\":\"2\"}";
  private static final String ACK = "{\"s_status\":\"OK\"}";
  private static final String VALID =
      "{\"s_status\":\"OK\",\"i_cardStatus\":1,\"s_cardStatus\":\"ValidCardInserted\"}";
  private static final String NO_CARD =
      "{\"s_status\":\"OK\",\"i_cardStatus\":2,\"s_cardStatus\":\"NoCardInserted\"}";
  private static final String BLOCKED =
      "{\"s_status\":\"OK\",\"i_cardStatus\":5,\"s_cardStatus\":\"CardIsBlocked\"}";
  private static final Duration WAIT = Duration.ofSeconds(5);

  @TempDir Path dir;
  private CardRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = new CardRig(dir);
    rig.worker.openSession(SESSION, "app");
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void pushesTheCurrentStateThenEachChangeAsItHappens() throws Exception {
    long id = rig.worker.command(SESSION, START);
    assertThat(payloads(id, 2)).containsExactly(ACK, VALID);

    long removedAt = System.nanoTime();
    rig.reader.remove();
    assertThat(payloads(id, 3).get(2)).isEqualTo(NO_CARD);
    assertThat(Duration.ofNanos(System.nanoTime() - removedAt))
        .as("an event, not a poll every i_checkingInterval")
        .isLessThan(Duration.ofSeconds(1));
    rig.reader.insert();
    assertThat(payloads(id, 4).get(3)).isEqualTo(VALID);

    Thread.sleep(300);
    assertThat(rig.worker.framesOf(id)).as("nothing without a change").hasSize(4);
    assertThat(rig.worker.framesOf(id)).allMatch(frame -> frame.kind() == Kind.REPLY);

    rig.worker.cancel(id);
    awaitNoSubscriber();
  }

  @Test
  void aBlockedCardIsReportedAfterTheLastWrongPin() throws Exception {
    rig.worker.call(SESSION, "{\"s_commandName\":\"hl_getCpxCard\",\"i_readerNumber\":0}");
    long id = rig.worker.command(SESSION, START);
    payloads(id, 2);
    for (String pin : List.of("0000", "1111", "2222")) {
      rig.worker.call(SESSION, "{\"s_commandName\":\"hl_readCpxCard\",\"s_pinCode\":\"" + pin + "\"}");
    }
    assertThat(payloads(id, 3).get(2)).isEqualTo(BLOCKED);
    rig.worker.cancel(id);
  }

  @Test
  void closingTheSessionEndsTheMonitoring() throws Exception {
    long id = rig.worker.command(SESSION, START);
    payloads(id, 2);
    rig.worker.closeSession(SESSION);

    LinkFrame last =
        rig.worker.peer.await(f -> f.id() == id && f.kind() == Kind.FINAL, 1, WAIT).getFirst();
    assertThat(last.payload()).contains("\"i_apiErrorCode\":3");
    awaitNoSubscriber();
    rig.reader.remove();
    Thread.sleep(300);
    assertThat(rig.worker.framesOf(id)).hasSize(3);
  }

  @Test
  void twoSocketsOfOneSessionBothGetTheEvents() throws Exception {
    long first = rig.worker.command(SESSION, START);
    long second = rig.worker.command(SESSION, START);
    payloads(first, 2);
    payloads(second, 2);
    rig.reader.remove();
    assertThat(payloads(first, 3).get(2)).isEqualTo(NO_CARD);
    assertThat(payloads(second, 3).get(2)).isEqualTo(NO_CARD);
    rig.worker.cancel(first);
    rig.worker.cancel(second);
    awaitNoSubscriber();
  }

  private List<String> payloads(long id, int count) throws InterruptedException {
    return rig.worker.peer.await(f -> f.id() == id, count, WAIT).stream()
        .map(LinkFrame::payload)
        .toList();
  }

  private void awaitNoSubscriber() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (rig.cards.watcher().subscribers() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(rig.cards.watcher().subscribers()).isZero();
  }
}
