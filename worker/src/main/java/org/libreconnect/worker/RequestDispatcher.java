package org.libreconnect.worker;

import java.util.concurrent.ScheduledExecutorService;
import org.libreconnect.protocol.CommandEnvelope;
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.error.ConnectorException;
import org.libreconnect.protocol.error.InvalidSessionException;
import org.libreconnect.protocol.error.UnknownCommandException;
import org.libreconnect.protocol.link.LinkFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each frame from the master. REQUEST: a link command is served at once; a client command is
 * queued on its session; anything else is answered with an error. CANCEL: stops a persistent
 * command. Never runs a client handler on the calling (link reader) thread.
 */
public final class RequestDispatcher {
  private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

  private final WireJson wire;
  private final HandlerTable handlers;
  private final SessionRegistry sessions;
  private final Replies replies;
  private final StreamRegistry streams;
  private final LinkCommands linkCommands;
  private final CommandRunner runner;

  /**
   * @param handlers the client commands this worker serves
   * @param sessions the sessions of this worker
   * @param logs this worker's logs, for {@code link.setLogLevels}
   * @param timer schedules the events of persistent commands
   * @param peer where answers go
   * @param wire JSON reading and writing
   * @param exit ends the process on {@code link.shutdown}
   */
  public RequestDispatcher(
      HandlerTable handlers,
      SessionRegistry sessions,
      LogControl logs,
      ScheduledExecutorService timer,
      LinkPeer peer,
      WireJson wire,
      ProcessExit exit) {
    this(handlers, sessions, logs, timer, peer, wire, exit, new CommandActivity());
  }

  /**
   * Same, counting the commands in progress in {@code activity} (for {@link WorkerRetirement}).
   */
  public RequestDispatcher(
      HandlerTable handlers,
      SessionRegistry sessions,
      LogControl logs,
      ScheduledExecutorService timer,
      LinkPeer peer,
      WireJson wire,
      ProcessExit exit,
      CommandActivity activity) {
    this.wire = wire;
    this.handlers = handlers;
    this.sessions = sessions;
    this.replies = new Replies(peer, wire, new WorkerErrors());
    this.streams = new StreamRegistry(replies);
    this.linkCommands = new LinkCommands(wire, sessions, streams, logs, replies, exit);
    this.runner = new CommandRunner(wire, replies, streams, timer, activity);
  }

  /** Handles one frame from the master; never throws. */
  public void dispatch(LinkFrame frame) {
    switch (frame.kind()) {
      case REQUEST -> request(frame);
      case CANCEL -> streams.cancel(frame.id());
      default -> log.warn("link.frame.unexpected kind={} id={}", frame.kind(), frame.id());
    }
  }

  /** Persistent commands in progress; for tests and the status of the worker. */
  public int activeStreams() {
    return streams.size();
  }

  private void request(LinkFrame frame) {
    CommandEnvelope command;
    try {
      command = wire.parseCommand(frame.payload());
    } catch (RuntimeException e) {
      replies.error(frame, null, e);
      return;
    }
    String name = command.commandName();
    String sessionId = frame.sessionId().isEmpty() ? command.sessionId() : frame.sessionId();
    log.debug(
        "command.received name={} session={} id={}",
        name,
        SessionIds.shortForm(sessionId),
        frame.id());
    if (LinkCommands.isLinkCommand(name)) {
      linkCommands.serve(frame, command);
      return;
    }
    HandlerTable.Entry entry = handlers.find(name).orElse(null);
    if (entry == null) {
      // Errors never quote input: an unknown name is not echoed, not even as the context.
      replies.error(frame, null, new UnknownCommandException("Unknown command"));
      return;
    }
    try {
      SessionContext session =
          sessions
              .find(sessionId)
              .orElseThrow(() -> new InvalidSessionException("Unknown session"));
      runner.submit(session, entry, frame, command);
    } catch (ConnectorException e) {
      replies.error(frame, name, e);
      log.info(
          "command.refused name={} session={} reason={}",
          name,
          SessionIds.shortForm(sessionId),
          e.getMessage());
    }
  }
}
