package org.libreconnect.master.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.libreconnect.protocol.link.LinkFrame;

/**
 * The requests one worker has not finished answering, each with its deadline. A request's
 * deadline covers its final answer, or, for a monitoring stream, its first frame (the
 * acknowledgement): once a stream runs, it has no deadline. When a deadline passes the request is
 * dropped (a late answer is ignored), its listener gets a {@link WorkerTimeoutException}, and the
 * owner is told so that it can check the worker's health.
 */
final class PendingRequests {

  /** A request in flight; {@code streaming} once a non-final frame came back for it. */
  static final class Pending {
    final long id;
    final String sessionId;
    final String payload;
    final ReplyListener listener;
    volatile boolean streaming;
    volatile ScheduledFuture<?> deadline;

    Pending(long id, String sessionId, String payload, ReplyListener listener) {
      this.id = id;
      this.sessionId = sessionId;
      this.payload = payload;
      this.listener = listener;
    }

    void cancelDeadline() {
      ScheduledFuture<?> timer = deadline;
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }

  private final Map<Long, Pending> requests = new ConcurrentHashMap<>();
  private final Consumer<Pending> onDeadline;

  /** @param onDeadline told (after the listener) of every request whose deadline passed */
  PendingRequests(Consumer<Pending> onDeadline) {
    this.onDeadline = onDeadline;
  }

  /**
   * Registers a request. With a {@code deadline}, {@code timer} fails it when the deadline passes
   * before its answer (or first frame).
   */
  Pending add(
      long id, String sessionId, String payload, ReplyListener listener, Duration deadline,
      ScheduledExecutorService timer) {
    Pending request = new Pending(id, sessionId, payload, listener);
    requests.put(id, request);
    if (deadline != null && timer != null) {
      request.deadline =
          timer.schedule(() -> expire(request, deadline), deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
    return request;
  }

  private void expire(Pending request, Duration deadline) {
    if (request.streaming || !requests.remove(request.id, request)) {
      return;
    }
    request.listener.onFailure(WorkerTimeoutException.noAnswer(deadline));
    onDeadline.accept(request);
  }

  /** Relays a REPLY or FINAL frame to its request's listener; false for an unknown request. */
  boolean deliver(LinkFrame frame) {
    boolean last = frame.kind() == LinkFrame.Kind.FINAL;
    Pending target = last ? requests.remove(frame.id()) : requests.get(frame.id());
    if (target == null) {
      return false;
    }
    if (last) {
      target.cancelDeadline();
    } else if (!target.streaming) {
      target.streaming = true;
      target.cancelDeadline();
    }
    target.listener.onReply(frame.payload(), last);
    return true;
  }

  /** Forgets a request (cancelled, or its frame could not be sent); null when unknown. */
  Pending remove(long id) {
    Pending removed = requests.remove(id);
    if (removed != null) {
      removed.cancelDeadline();
    }
    return removed;
  }

  /** Removes and returns every request in flight. */
  List<Pending> drain() {
    List<Pending> drained = new ArrayList<>();
    for (Pending request : List.copyOf(requests.values())) {
      if (requests.remove(request.id, request)) {
        request.cancelDeadline();
        drained.add(request);
      }
    }
    return drained;
  }

  int size() {
    return requests.size();
  }
}
