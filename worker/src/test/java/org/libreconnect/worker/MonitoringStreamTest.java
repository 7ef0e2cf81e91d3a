package org.libreconnect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.protocol.command.NoInput;
import org.libreconnect.protocol.error.FunctionalException;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkFrame.Kind;
import org.libreconnect.worker.handlers.MonitoringHandlers;

/** Persistent commands: acknowledgement, events, and every way a stream ends. */
@Timeout(value = 15, unit = TimeUnit.SECONDS)
class MonitoringStreamTest {
  private static final String ACK = "{\"s_status\":\"OK\"}";
  private static final String TEST_EVENT = "{\"s_status\":\"OK\",\"sMessage\":\"Test\"}";
  private static final String START = "{\"s_commandName\":\"hl_startDummyMonitoring\"}";

  @TempDir Path dir;
  private final CountDownLatch release = new CountDownLatch(1);
  private WorkerHarness worker;

  @BeforeEach
  void start() throws Exception {
    worker = harness(Duration.ofMillis(50));
    worker.openSession("s-1", "app");
  }

  @AfterEach
  void stop() {
    release.countDown();
    worker.close();
  }

  @Test
  void dummyMonitoringAcknowledgesThenPushesTestUntilCancelled() throws Exception {
    long id = worker.command("s-1", START);

    List<LinkFrame> frames = worker.peer.await(f -> f.id() == id, 3, WorkerHarness.TIMEOUT);
    assertThat(frames).allSatisfy(f -> assertThat(f.kind()).isEqualTo(Kind.REPLY));
    assertThat(frames.get(0).payload()).isEqualTo(ACK);
    assertThat(frames.subList(1, 3)).allSatisfy(f -> assertThat(f.payload()).isEqualTo(TEST_EVENT));

    worker.cancel(id);

    assertStopped(id);
    assertThat(worker.framesOf(id)).noneMatch(f -> f.kind() == Kind.FINAL);
  }

  @Test
  void closingTheSessionStopsItsStreams() throws Exception {
    long id = worker.command("s-1", START);
    worker.peer.await(f -> f.id() == id, 3, WorkerHarness.TIMEOUT);

    worker.closeSession("s-1");

    assertStopped(id);
    assertThat(worker.framesOf(id))
        .filteredOn(f -> f.kind() == Kind.FINAL)
        .singleElement()
        .satisfies(f -> assertThat(f.payload()).contains("\"i_apiErrorCode\":3"));
  }

  @Test
  void theDummyMonitorTicksEverySecondInProduction() throws Exception {
    try (WorkerHarness real = harness(MonitoringHandlers.DUMMY_PERIOD)) {
      real.openSession("s-1", "app");
      long started = System.nanoTime();
      long id = real.command("s-1", START);

      List<LinkFrame> frames = real.peer.await(f -> f.id() == id, 3, Duration.ofSeconds(5));

      assertThat(frames.get(2).payload()).isEqualTo(TEST_EVENT);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThan(Duration.ofMillis(1900));
      real.cancel(id);
    }
  }

  @Test
  void aStreamCancelledWhileQueuedNeverStarts() throws Exception {
    long blocker = worker.command("s-1", "{\"s_commandName\":\"test_block\"}");
    long id = worker.command("s-1", START);

    worker.cancel(id);
    release.countDown();
    worker.finalAnswer(blocker);
    Thread.sleep(200);

    assertThat(worker.framesOf(id)).isEmpty();
    assertThat(worker.dispatcher.activeStreams()).isZero();
  }

  @Test
  void aFailingSourceEndsTheStreamWithAnErrorFrame() throws Exception {
    long id = worker.command("s-1", "{\"s_commandName\":\"test_failingStream\"}");

    LinkFrame last =
        worker
            .peer
            .await(f -> f.id() == id && f.kind() == Kind.FINAL, 1, WorkerHarness.TIMEOUT)
            .getFirst();

    List<LinkFrame> frames = worker.framesOf(id);
    assertThat(frames).extracting(LinkFrame::payload).startsWith(ACK, TEST_EVENT);
    assertThat(frames.getLast()).isEqualTo(last);
    assertThat(worker.wire.readObject(last.payload()).get("s_apiErrorDescription").asText())
        .isEqualTo("card removed");
    assertStopped(id);
  }

  @Test
  void aRefusedStartIsASingleErrorWithoutAcknowledgement() throws Exception {
    long refused = worker.command("s-1", "{\"s_commandName\":\"test_refusedStream\"}");
    long unknownSession = worker.command("nobody", START);

    assertThat(worker.finalAnswer(refused).get("i_apiErrorCode").asInt()).isEqualTo(2);
    assertThat(worker.finalAnswer(unknownSession).get("i_apiErrorCode").asInt()).isEqualTo(3);
    assertThat(worker.framesOf(refused)).hasSize(1);
    assertThat(worker.framesOf(unknownSession)).hasSize(1);
    assertThat(worker.dispatcher.activeStreams()).isZero();
  }

  private void assertStopped(long id) throws InterruptedException {
    int count = worker.framesOf(id).size();
    Thread.sleep(300);
    assertThat(worker.framesOf(id)).hasSize(count);
    assertThat(worker.dispatcher.activeStreams()).isZero();
  }

  private WorkerHarness harness(Duration dummyPeriod) {
    AtomicInteger ticks = new AtomicInteger();
    return new WorkerHarness(
        dir,
        table ->
            table
                .single("test_block", NoInput.class, (session, input) -> block())
                .streaming(
                    "test_failingStream",
                    NoInput.class,
                    (session, input) ->
                        new EventStream(
                            Duration.ZERO,
                            Duration.ofMillis(20),
                            () -> {
                              if (ticks.getAndIncrement() == 0) {
                                return Optional.of(
                                    org.libreconnect.protocol.command.MonitoringCommands.DummyEvent
                                        .TEST);
                              }
                              throw new FunctionalException("card removed");
                            }))
                .streaming(
                    "test_refusedStream",
                    NoInput.class,
                    (session, input) -> {
                      throw new FunctionalException("no reader");
                    }),
        dummyPeriod,
        WorkerHarness.standardCatalogue()
            .worker("test_block", NoInput.class, Duration.ofSeconds(10))
            .persistent("test_failingStream", NoInput.class, Duration.ofSeconds(10))
            .persistent("test_refusedStream", NoInput.class, Duration.ofSeconds(10))
            .build());
  }

  private Object block() {
    try {
      release.await(8, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }
}
