package org.libreconnect.worker.card;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.libreconnect.protocol.error.TechnicalException;

/**
 * The one thread of a worker that talks to PC/SC and PKCS#11. Card commands and the card
 * watcher's waits take turns on it, in arrival order: the JDK keeps one PC/SC context per JVM and
 * pcsc-lite runs the calls of one context one at a time, so a card command sent while another
 * thread waits for a reader event would stall until that wait ends.
 *
 * <p>Every call has a deadline: a mute card, a stuck reader or a library that never returns
 * gives the caller a clear card error instead of a hung command. A call made from the card thread
 * itself (which could only wait for itself) fails at once.
 */
public final class CardExecutor implements AutoCloseable {
  /** How long a caller waits for its card operation, queueing included. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  /** Work that runs on the card thread. */
  @FunctionalInterface
  public interface CardTask<T> {
    T run();
  }

  private final Duration timeout;
  private volatile Thread cardThread;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          work -> {
            Thread created = Thread.ofPlatform().name("card").daemon(true).unstarted(work);
            cardThread = created;
            return created;
          });

  public CardExecutor() {
    this(DEFAULT_TIMEOUT);
  }

  public CardExecutor(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Runs {@code task} on the card thread and waits for it, at most the executor's timeout; its
   * exceptions are rethrown as is.
   *
   * @throws CardAccessException when the deadline passes, or when called from the card thread
   */
  public <T> T call(CardTask<T> task) {
    if (Thread.currentThread() == cardThread) {
      throw new CardAccessException(
          "A card operation waited for the card thread from that same thread; refused instead of"
              + " waiting forever",
          null);
    }
    Future<T> result = thread.submit(task::run);
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(false);
      throw new CardAccessException(
          "The card or reader did not answer within " + timeout.toSeconds() + " s (a mute card,"
              + " a reader held by another program, or a stuck card library)",
          null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new TechnicalException("Card operation failed", "", cause);
    } catch (InterruptedException e) {
      result.cancel(false);
      Thread.currentThread().interrupt();
      throw new TechnicalException("Interrupted while waiting for the card");
    }
  }

  /** Queues {@code work} behind what is already queued; returns at once. Dropped once closed. */
  void execute(Runnable work) {
    try {
      thread.execute(work);
    } catch (RejectedExecutionException e) {
      // the worker is stopping: nothing more to do on the card thread
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
