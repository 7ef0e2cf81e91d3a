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
 * CANCEL that overtakes it in the session queue still stops it. Frames go out under this object's
 * lock and only while it runs: once {@link #stop()} returns, no further frame goes out, and a
 * failure is forgotten by the registry before its final error frame leaves.
 */
final class ActiveStream {
  private static final Logger log = LoggerFactory.getLogger(ActiveStream.class);

  private final LinkFrame request;
  private final String commandName;
  private final String sessionId;
  private final Replies replies;
  private final Consumer<ActiveStream> onStop;
  private ScheduledFuture<?> ticks;
  private EventStream polled;
  private AutoCloseable source;
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

  /** Sends the acknowledgement, then starts the events; does nothing once stopped. */
  void start(StreamEvents events, ScheduledExecutorService timer) {
    synchronized (this) {
      if (stopped) {
        return;
      }
      if (!replies.event(request, null)) {
        stop();
        return;
      }
      log.info(
          "stream.started name={} session={} id={}",
          commandName,
          SessionIds.shortForm(sessionId),
          request.id());
      switch (events) {
        case EventStream stream -> {
          polled = stream;
          ticks =
              timer.scheduleWithFixedDelay(
                  this::tick,
                  stream.firstDelay().toNanos(),
                  stream.period().toNanos(),
                  TimeUnit.NANOSECONDS);
          return;
        }
        case PushedEvents pushed -> {
          // Started below, outside the lock: a source may push from its own thread at once.
        }
      }
    }
    AutoCloseable started = ((PushedEvents) events).starter().start(new StreamSink());
    boolean keep;
    synchronized (this) {
      keep = !stopped;
      if (keep) {
        source = started;
      }
    }
    if (!keep) {
      closeQuietly(started);
    }
  }

  /** Ends the stream with an error answer. */
  void fail(Throwable failure) {
    if (!end()) {
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
  }

  /** Stops the events; sends nothing. Safe to call more than once. */
  void stop() {
    if (end()) {
      log.info(
          "stream.stopped name={} session={} id={}",
          commandName,
          SessionIds.shortForm(sessionId),
          request.id());
    }
  }

  /** Marks the stream over, stops its source and forgets it; false when it was over already. */
  private boolean end() {
    AutoCloseable toClose;
    synchronized (this) {
      if (stopped) {
        return false;
      }
      stopped = true;
      if (ticks != null) {
        ticks.cancel(false);
      }
      toClose = source;
      source = null;
    }
    closeQuietly(toClose);
    onStop.accept(this);
    return true;
  }

  private synchronized void tick() {
    if (stopped) {
      return;
    }
    try {
      Optional<Object> event = polled.source().poll();
      if (event.isPresent() && !replies.event(request, event.get())) {
        stop();
      }
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  private void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      log.debug("stream.source.close.failed id={} reason={}", request.id(), e.toString());
    }
  }

  /** What a pushing source sees. */
  private final class StreamSink implements PushedEvents.Sink {
    @Override
    public boolean push(Object event) {
      boolean sent;
      synchronized (ActiveStream.this) {
        if (stopped) {
          return false;
        }
        sent = replies.event(request, event);
      }
      if (!sent) {
        stop();
      }
      return sent;
    }

    @Override
    public void fail(Throwable failure) {
      ActiveStream.this.fail(failure);
    }
  }
}
