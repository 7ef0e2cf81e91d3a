package org.libreconnect.master.worker;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The replacement of one worker by a successor (its PC/SC context died): the successor, started
 * once; the requests that waited for it and where they went, so that a client can still cancel
 * them; and those cancelled while still waiting.
 */
final class Succession {
  /** How long a request waits for the successor of a replaced worker. */
  static final Duration SUCCESSOR_WAIT = Duration.ofSeconds(30);

  /** Where a request went once the worker was replaced. */
  private record Redirect(WorkerHandle worker, long requestId) {}

  private final AtomicReference<CompletableFuture<WorkerHandle>> successor = new AtomicReference<>();
  private final Map<Long, Redirect> redirected = new ConcurrentHashMap<>();
  private final Set<Long> cancelledWhileWaiting = ConcurrentHashMap.newKeySet();

  /** The successor, once replacement started; null before. */
  CompletableFuture<WorkerHandle> successor() {
    return successor.get();
  }

  boolean started() {
    return successor.get() != null;
  }

  /**
   * Starts the replacement once, with {@code replacer}; later calls return the same future.
   *
   * @param onStart runs once, when this call is the one that starts it
   */
  CompletableFuture<WorkerHandle> start(
      Function<WorkerHandle, CompletableFuture<WorkerHandle>> replacer, WorkerHandle replaced,
      Runnable onStart) {
    CompletableFuture<WorkerHandle> placeholder = new CompletableFuture<>();
    if (!successor.compareAndSet(null, placeholder)) {
      return successor.get();
    }
    onStart.run();
    CompletableFuture<WorkerHandle> started =
        replacer == null
            ? CompletableFuture.failedFuture(
                new WorkerLostException("No pool to replace worker " + replaced.id()))
            : replacer.apply(replaced);
    started.whenComplete(
        (next, failure) -> {
          if (failure != null) {
            placeholder.completeExceptionally(failure);
          } else {
            placeholder.complete(next);
          }
        });
    return placeholder;
  }

  /**
   * Sends request {@code requestId} to the successor once it is ready (bounded wait).
   *
   * @param send sends the request to the ready successor and returns its id there
   */
  void forward(
      long requestId,
      ReplyListener listener,
      Function<WorkerHandle, Long> send,
      String failureMessage) {
    successor
        .get()
        .copy()
        .orTimeout(SUCCESSOR_WAIT.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (worker, failure) -> {
              if (cancelledWhileWaiting.remove(requestId)) {
                return;
              }
              if (failure != null) {
                listener.onFailure(new WorkerLostException(failureMessage));
                return;
              }
              long forwarded = send.apply(worker);
              redirected.put(requestId, new Redirect(worker, forwarded));
              if (cancelledWhileWaiting.remove(requestId)) {
                cancelRedirected(requestId);
              }
            });
  }

  /** Cancels a request that went to the successor; false when it did not go there. */
  boolean cancelRedirected(long requestId) {
    Redirect redirect = redirected.remove(requestId);
    if (redirect == null) {
      return false;
    }
    redirect.worker().cancel(redirect.requestId());
    return true;
  }

  /** Remembers that a request still waiting for the successor was cancelled. */
  void cancelWhileWaiting(long requestId) {
    if (started()) {
      cancelledWhileWaiting.add(requestId);
    }
  }
}
