package org.libreconnect.worker;

import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.protocol.link.LinkFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One persistent command from its arrival to its end. It exists before its handler runs, so a
 * CANCEL that overtakes it in the session queue still stops it. Ticks and {@link #stop()} take the
 * same lock: once {@code stop()} returns, no further frame goes out.
 */
final class ActiveStream {
  private static final Logger log = LoggerFactory.getLogger(ActiveStream.class);

  private final LinkFrame request;
  private final String commandName;
  private final String sessionId;
  private final Replies replies;
  private final Consumer<ActiveStream> onStop;
  private ScheduledFuture<?> ticks;
  private EventStream events;
  private boolean stopped;

  ActiveStream(
      LinkFrame request,
      String commandName,
      String sessionId,
      Replies replies,
      Consumer<ActiveStream> onStop) {
    this.request = request;
    this.commandName = commandName;
    this.sessionId = sessionId;
    this.replies = replies;
    this.onStop = onStop;
  }

  long id() {
    return request.id();
  }

  String sessionId() {
    return sessionId;
  }

  synchronized boolean isStopped() {
    return stopped;
  }

  /** Sends the acknowledgement, then schedules the events; does nothing once stopped. */
  synchronized void start(EventStream stream, ScheduledExecutorService timer) {
    if (stopped) {
      return;
    }
    if (!replies.event(request, null)) {
      stop();
      return;
    }
    events = stream;
    ticks =
        timer.scheduleWithFixedDelay(
            this::tick,
            stream.firstDelay().toNanos(),
            stream.period().toNanos(),
            TimeUnit.NANOSECONDS);
    log.info(
        "stream.started name={} session={} id={}",
        commandName,
        SessionIds.shortForm(sessionId),
        request.id());
  }

  /** Ends the stream with an error answer. */
  synchronized void fail(Throwable failure) {
    if (stopped) {
      return;
    }
    var answer = replies.error(request, commandName, failure);
    log.info(
        "stream.failed name={} session={} id={} code={} reason={}",
        commandName,
        SessionIds.shortForm(sessionId),
        request.id(),
        answer.apiErrorCode(),
        answer.apiErrorDescription());
    stop();
  }

  /** Stops the events; sends nothing. Safe to call more than once. */
  synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (ticks != null) {
      ticks.cancel(false);
    }
    onStop.accept(this);
    log.info(
        "stream.stopped name={} session={} id={}",
        commandName,
        SessionIds.shortForm(sessionId),
        request.id());
  }

  private synchronized void tick() {
    if (stopped) {
      return;
    }
    try {
      Optional<Object> event = events.source().poll();
      if (event.isPresent() && !replies.event(request, event.get())) {
        stop();
      }
    } catch (RuntimeException e) {
      fail(e);
    }
  }
}
