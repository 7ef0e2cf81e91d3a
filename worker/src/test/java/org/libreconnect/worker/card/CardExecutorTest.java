package org.libreconnect.worker.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CardExecutorTest {
  private final CardExecutor executor = new CardExecutor(Duration.ofMillis(300));
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    executor.close();
  }

  @Test
  void aStuckCardCallFailsAtItsDeadlineWithACardError() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> executor.call(this::block))
        .isInstanceOf(CardAccessException.class)
        .hasMessageContaining("did not answer within");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void callsQueuedBehindAStuckOneAlsoGetTheirDeadline() throws Exception {
    Thread stuck = new Thread(() -> {
      try {
        executor.call(this::block);
      } catch (RuntimeException expected) {
        // its own deadline
      }
    });
    stuck.start();
    Thread.sleep(50);
    assertThatThrownBy(() -> executor.call(() -> "late")).isInstanceOf(CardAccessException.class);
    stuck.join();
  }

  @Test
  void aCallFromTheCardThreadIntoItselfFailsAtOnce() {
    assertThatThrownBy(() -> executor.call(() -> executor.call(() -> "inner")))
        .isInstanceOf(CardAccessException.class)
        .hasMessageContaining("same thread");
  }

  @Test
  void resultsAndExceptionsComeBackAsTheyAre() {
    assertThat(executor.call(() -> 42)).isEqualTo(42);
    assertThatThrownBy(() -> executor.call(() -> {
          throw new IllegalArgumentException("x");
        }))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Object block() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }
}
