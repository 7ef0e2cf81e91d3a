package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The log writer's promises: a thread that logs does not wait for a slow file, nothing is dropped
 * when the queue is full (the logging thread waits), order is kept, {@link
 * BackgroundLogWriter#flush} waits for what was logged before it, and after {@link
 * BackgroundLogWriter#writeDirectly} the logging thread writes.
 */
@Timeout(60)
class BackgroundLogWriterTest {
  private final LoggerContext context = new LoggerContext();
  private final Logger logger = context.getLogger("org.libreconnect.test");
  private final BackgroundLogWriter writer = new BackgroundLogWriter();
  private final Recording target = new Recording();

  BackgroundLogWriterTest() {
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    target.setContext(context);
    target.start();
    writer.setContext(context);
    writer.addTarget(target);
    writer.start();
  }

  @AfterEach
  void stop() {
    target.gate.countDown();
    writer.stop();
    assertThat(context.getStatusManager().getCopyOfStatusList()).as("no error on the writer's side")
        .noneMatch(status -> status.getLevel() == ch.qos.logback.core.status.Status.ERROR);
  }

  private void log(String message) {
    writer.doAppend(new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, null, null));
  }

  @Test
  void aSlowFileDoesNotHoldTheLoggingThread() throws Exception {
    target.block();
    long start = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      log("line " + i);
    }
    long elapsed = System.nanoTime() - start;
    assertThat(target.messages()).as("nothing written while the file is stuck").hasSizeLessThanOrEqualTo(1);
    assertThat(writer.flush(Duration.ofMillis(50))).as("flush gives up at its limit").isFalse();
    target.gate.countDown();
    assertThat(writer.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(target.messages()).hasSize(100).startsWith("line 0", "line 1").endsWith("line 99");
    assertThat(target.threads()).containsOnly("log-writer");
    assertThat(TimeUnit.NANOSECONDS.toMillis(elapsed)).as("logging returned at once").isLessThan(2000);
  }

  @Test
  void aFullQueueMakesTheLoggingThreadWaitAndLosesNothing() throws Exception {
    target.block();
    int count = BackgroundLogWriter.QUEUE_CAPACITY + 50;
    AtomicInteger logged = new AtomicInteger();
    Thread producer = Thread.ofPlatform().start(() -> {
      for (int i = 0; i < count; i++) {
        log("n=" + i);
        logged.incrementAndGet();
      }
    });
    producer.join(300);
    assertThat(producer.isAlive()).as("waits for room").isTrue();
    assertThat(logged.get()).isLessThan(count);
    target.gate.countDown();
    producer.join(10_000);
    assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
    List<String> messages = target.messages();
    assertThat(messages).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(messages.get(i)).isEqualTo("n=" + i);
    }
  }

  @Test
  void afterWriteDirectlyQueuedLinesComeFirstThenTheLoggingThreadWrites() throws Exception {
    log("queued 1");
    log("queued 2");
    writer.writeDirectly(Duration.ofSeconds(2));
    log("direct");
    assertThat(target.messages()).containsExactly("queued 1", "queued 2", "direct");
    assertThat(target.threads().getLast()).isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void flushSeesLinesFromEveryThreadInTheirOrder() throws Exception {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int id = t;
      threads.add(Thread.ofPlatform().start(() -> {
        for (int i = 0; i < 500; i++) {
          log("t" + id + " " + i);
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(writer.flush(Duration.ofSeconds(5))).isTrue();
    List<String> messages = target.messages();
    assertThat(messages).hasSize(2000);
    for (int t = 0; t < 4; t++) {
      String prefix = "t" + t + " ";
      assertThat(messages.stream().filter(m -> m.startsWith(prefix)).toList())
          .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 500).mapToObj(i -> prefix + i).toList());
    }
  }

  @Test
  void anAppendersErrorDoesNotEndTheWriting() throws Exception {
    target.failNext();
    log("fails");
    log("after");
    assertThat(writer.flush(Duration.ofSeconds(5))).as("every line accounted for").isTrue();
    assertThat(target.messages()).containsExactly("after");
    assertThat(target.threads()).containsExactly("log-writer");
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .anyMatch(status -> status.getMessage().contains("could not be written"));
    context.getStatusManager().clear(); // the error above is the expected one
  }

  /** Records messages and writing threads; can be made to block, like a stuck disk, or to fail. */
  private static final class Recording extends AppenderBase<ILoggingEvent> {
    private final List<String> messages = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private volatile boolean failNext;

    void block() {
      gate = new CountDownLatch(1);
    }

    void failNext() {
      failNext = true;
    }

    @Override
    protected void append(ILoggingEvent event) {
      if (failNext) {
        failNext = false;
        throw new AssertionError("an Error, which AppenderBase does not catch");
      }
      try {
        gate.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (messages) {
        messages.add(event.getFormattedMessage());
        threads.add(Thread.currentThread().getName());
      }
    }

    // not the appender's own monitor, which AppenderBase holds while a write is stuck
    List<String> messages() {
      synchronized (messages) {
        return List.copyOf(messages);
      }
    }

    List<String> threads() {
      synchronized (messages) {
        return List.copyOf(threads);
      }
    }
  }
}
