package org.libreconnect.worker;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.libreconnect.protocol.CommandEnvelope;
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.error.ErrorAnswer;
import org.libreconnect.protocol.error.InvalidSessionException;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.worker.HandlerTable.Single;
import org.libreconnect.worker.HandlerTable.Streaming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs client commands on their session's queue: binds the body to the input record, calls the
 * handler and writes the answer, or starts the events of a persistent command.
 */
final class CommandRunner {
  private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

  private final WireJson wire;
  private final Replies replies;
  private final StreamRegistry streams;
  private final ScheduledExecutorService timer;
  private final CommandActivity activity;

  CommandRunner(
      WireJson wire,
      Replies replies,
      StreamRegistry streams,
      ScheduledExecutorService timer,
      CommandActivity activity) {
    this.wire = wire;
    this.replies = replies;
    this.streams = streams;
    this.timer = timer;
    this.activity = activity;
  }

  /** Queues the command behind the session's earlier ones; returns at once. */
  void submit(
      SessionContext session,
      HandlerTable.Entry entry,
      LinkFrame request,
      CommandEnvelope command) {
    switch (entry) {
      case Single<?> single ->
          session.commands().execute(() -> runSingle(session, single, request, command));
      case Streaming<?> streaming -> {
        ActiveStream stream = streams.register(request, command.commandName(), session.sessionId());
        session.commands().execute(() -> runStreaming(session, streaming, stream, command));
      }
    }
  }

  private void runSingle(
      SessionContext session, Single<?> single, LinkFrame request, CommandEnvelope command) {
    long start = System.nanoTime();
    activity.started();
    try {
      requireOpen(session);
      Object answer = call(single, session, wire.readInput(command.body(), single.inputType()));
      replies.ok(request, answer);
      log.info(
          "command.done name={} session={} ms={}",
          command.commandName(),
          SessionIds.shortForm(session.sessionId()),
          millisSince(start));
    } catch (RuntimeException | Error e) {
      failed(command, session, start, replies.error(request, command.commandName(), e), e);
    } finally {
      activity.finished();
    }
  }

  private void runStreaming(
      SessionContext session,
      Streaming<?> streaming,
      ActiveStream stream,
      CommandEnvelope command) {
    if (stream.isStopped()) {
      return; // cancelled while it waited in the queue
    }
    try {
      requireOpen(session);
      StreamEvents events =
          open(streaming, session, wire.readInput(command.body(), streaming.inputType()));
      stream.start(events, timer);
    } catch (RuntimeException | Error e) {
      stream.fail(e);
    }
  }

  private static <I extends Record> Object call(
      Single<I> single, SessionContext session, Record input) {
    return single.handler().handle(session, single.inputType().cast(input));
  }

  private static <I extends Record> StreamEvents open(
      Streaming<I> streaming, SessionContext session, Record input) {
    return streaming.handler().open(session, streaming.inputType().cast(input));
  }

  private static void requireOpen(SessionContext session) {
    if (!session.isOpen()) {
      throw new InvalidSessionException("The session was closed");
    }
  }

  private static void failed(
      CommandEnvelope command,
      SessionContext session,
      long start,
      ErrorAnswer answer,
      Throwable failure) {
    session.recordError(answer);
    String shortSession = SessionIds.shortForm(session.sessionId());
    if (answer.apiErrorCode() == 1) {
      log.warn(
          "command.failed name={} session={} ms={} code={} reason={}",
          command.commandName(),
          shortSession,
          millisSince(start),
          answer.apiErrorCode(),
          answer.apiErrorDescription(),
          failure);
    } else {
      log.info(
          "command.refused name={} session={} ms={} code={} reason={}",
          command.commandName(),
          shortSession,
          millisSince(start),
          answer.apiErrorCode(),
          answer.apiErrorDescription());
    }
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
