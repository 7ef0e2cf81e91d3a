package org.libreconnect.worker.card;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.libreconnect.protocol.error.TechnicalException;

/**
 * The one thread of a worker that talks to PC/SC and PKCS#11. Card commands and the card
 * watcher's waits take turns on it, in arrival order: the JDK keeps one PC/SC context per JVM and
 * pcsc-lite runs the calls of one context one at a time, so a card command sent while another
 * thread waits for a reader event would stall until that wait ends.
 */
public final class CardExecutor implements AutoCloseable {

  /** Work that runs on the card thread. */
  @FunctionalInterface
  public interface CardTask<T> {
    T run();
  }

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("card").daemon(true).factory());

  /** Runs {@code task} on the card thread and waits for it; its exceptions are rethrown as is. */
  public <T> T call(CardTask<T> task) {
    Future<T> result = thread.submit(task::run);
    try {
      return result.get();
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
