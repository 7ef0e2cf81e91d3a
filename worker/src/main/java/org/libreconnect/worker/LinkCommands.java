package org.libreconnect.worker;

import java.util.Set;
import org.libreconnect.protocol.CommandEnvelope;
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.error.MissingParameterException;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkMessages;
import org.libreconnect.protocol.link.LinkMessages.SessionOpened;
import org.libreconnect.protocol.link.LinkMessages.SetLogLevels;
import org.libreconnect.runtime.LogLevels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's own commands ({@code link.*}). They only touch in-memory state, so they run at once
 * on the link reader thread, ahead of any queued client command: a session is known before the next
 * frame is read.
 */
final class LinkCommands {
  private static final Logger log = LoggerFactory.getLogger(LinkCommands.class);

  private static final Set<String> NAMES =
      Set.of(
          LinkMessages.OPEN_SESSION,
          LinkMessages.CLOSE_SESSION,
          LinkMessages.SET_LOG_LEVELS,
          LinkMessages.PING,
          LinkMessages.SHUTDOWN);

  private final WireJson wire;
  private final SessionRegistry sessions;
  private final StreamRegistry streams;
  private final LogControl logs;
  private final Replies replies;
  private final ProcessExit exit;

  LinkCommands(
      WireJson wire,
      SessionRegistry sessions,
      StreamRegistry streams,
      LogControl logs,
      Replies replies,
      ProcessExit exit) {
    this.wire = wire;
    this.sessions = sessions;
    this.streams = streams;
    this.logs = logs;
    this.replies = replies;
    this.exit = exit;
  }

  static boolean isLinkCommand(String name) {
    return NAMES.contains(name);
  }

  /** Serves one link command and answers with a FINAL frame. */
  void serve(LinkFrame request, CommandEnvelope command) {
    String name = command.commandName();
    try {
      switch (name) {
        case LinkMessages.OPEN_SESSION -> openSession(request, command);
        case LinkMessages.CLOSE_SESSION -> closeSession(request, command);
        case LinkMessages.SET_LOG_LEVELS -> setLogLevels(command);
        case LinkMessages.PING -> {
          // answered below: the link reader thread is alive
        }
        case LinkMessages.SHUTDOWN -> {
          replies.ok(request, null);
          log.info("worker.shutdown reason=\"asked by the master\" sessions={}", sessions.size());
          exit.exit(0);
          return;
        }
        default -> throw new IllegalStateException("not a link command: " + name);
      }
      replies.ok(request, null);
    } catch (RuntimeException e) {
      replies.error(request, name, e);
      log.warn("link.command.failed name={} reason={}", name, e.toString());
    }
  }

  private void openSession(LinkFrame request, CommandEnvelope command) {
    SessionOpened opened = wire.readInput(command.body(), SessionOpened.class);
    String named = opened.sessionId();
    String sessionId = named == null || named.isEmpty() ? sessionIdOf(request, null) : named;
    sessions.open(sessionId, opened);
  }

  private void closeSession(LinkFrame request, CommandEnvelope command) {
    String sessionId = sessionIdOf(request, command.sessionId());
    if (sessions.close(sessionId).isEmpty()) {
      log.debug("session.close.unknown session={}", SessionIds.shortForm(sessionId));
    }
    streams.stopSession(sessionId);
  }

  private void setLogLevels(CommandEnvelope command) {
    SetLogLevels levels = wire.readInput(command.body(), SetLogLevels.class);
    int service = levels.serviceLevel();
    int connector = levels.connectorLevel();
    if (service < LogLevels.MIN_SERVICE_LEVEL || service > LogLevels.MAX_SERVICE_LEVEL) {
      throw new InvalidParameterException("serviceLevel", "must be between 1 and 7");
    }
    if (connector < LogLevels.MIN_CONNECTOR_VERBOSITY
        || connector > LogLevels.MAX_CONNECTOR_VERBOSITY) {
      throw new InvalidParameterException("connectorLevel", "must be between 0 and 5");
    }
    logs.setLevels(service, connector);
    log.info("log.levels service={} connector={}", service, connector);
  }

  /** The frame's session id, else {@code fromBody}. */
  private static String sessionIdOf(LinkFrame request, String fromBody) {
    String id = request.sessionId().isEmpty() ? fromBody : request.sessionId();
    if (id == null || id.isEmpty()) {
      throw new MissingParameterException("s_sessionId");
    }
    return id;
  }
}
