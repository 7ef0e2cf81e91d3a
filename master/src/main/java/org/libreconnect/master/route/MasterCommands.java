package org.libreconnect.master.route;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.libreconnect.master.server.OriginPolicy;
import org.libreconnect.master.session.SessionService;
import org.libreconnect.master.user.ClientConnection;
import org.libreconnect.master.worker.WorkerPool;
import org.libreconnect.protocol.CommandEnvelope;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.command.CommandSpec;
import org.libreconnect.protocol.command.HousekeepingCommands.SessionExistsAnswer;
import org.libreconnect.protocol.command.LogCommands;
import org.libreconnect.protocol.command.LogCommands.LogsTailAnswer;
import org.libreconnect.protocol.command.LogCommands.LogsTailInput;
import org.libreconnect.protocol.command.SessionCommands.OpenSessionInput;
import org.libreconnect.protocol.error.FunctionalException;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.error.UnknownCommandException;
import org.libreconnect.protocol.link.LinkMessages;
import org.libreconnect.runtime.LogLevels;
import org.libreconnect.runtime.LogSetup;
import org.libreconnect.runtime.LogTail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The commands the master serves itself: sessions, and the master's own logs and levels. */
public final class MasterCommands {
  private static final Logger log = LoggerFactory.getLogger(MasterCommands.class);
  private static final java.time.Duration LINK_CALL_DEADLINE = java.time.Duration.ofSeconds(4);

  private final WireJson json;
  private final SessionService sessions;
  private final WorkerPool workers;
  private final LogSetup logs;
  private final Executor fileReads;
  private final OriginPolicy origins;

  /**
   * @param fileReads where the log files are read ({@code getLogsTail}), off the event loop that
   *     serves the command
   */
  public MasterCommands(
      WireJson json, SessionService sessions, WorkerPool workers, LogSetup logs, OriginPolicy origins,
      Executor fileReads) {
    this.fileReads = fileReads;
    this.json = json;
    this.sessions = sessions;
    this.workers = workers;
    this.logs = logs;
    this.origins = origins;
  }

  /** Serves a command whose catalogue target is the master. */
  public CompletableFuture<String> serve(CommandSpec spec, CommandEnvelope envelope, String origin) {
    return serve(spec, envelope, origin, Optional.empty());
  }

  /**
   * Serves a command whose catalogue target is the master, received over {@code connection}
   * (whose OS user a terminal-server session must be).
   */
  public CompletableFuture<String> serve(
      CommandSpec spec, CommandEnvelope envelope, String origin, Optional<ClientConnection> connection) {
    return switch (spec.name()) {
      case "hl_openSession" ->
          sessions.open(json.readInput(envelope.body(), OpenSessionInput.class), origin, connection);
      case "hl_closeSession" -> sessions.close(envelope.sessionId(), origin);
      case "hl_sessionExists" ->
          CompletableFuture.completedFuture(
              json.ok(new SessionExistsAnswer(sessions.exists(envelope.sessionId(), origin) ? 1 : 0)));
      case "getLogsTail" -> {
        requireLogAccess(spec.name(), origin);
        LogsTailInput input = json.readInput(envelope.body(), LogsTailInput.class);
        input.validate();
        yield CompletableFuture.supplyAsync(() -> json.ok(logsTail(input)), fileReads);
      }
      case "getLogLevels" ->
          CompletableFuture.completedFuture(
              json.ok(new LogCommands.LogLevels(logs.connectorLevel(), logs.serviceLevel())));
      case "setLogLevels" -> {
        requireLogAccess(spec.name(), origin);
        yield CompletableFuture.completedFuture(
            setLogLevels(json.readInput(envelope.body(), LogCommands.LogLevels.class)));
      }
      default -> throw new UnknownCommandException("Unknown command");
    };
  }

  /**
   * The master's log covers every application (their short session ids, the origins refused)
   * and its levels apply to every worker: only the connector's own pages and the origins of
   * {@code server/log_origins} may read it or change them.
   */
  private void requireLogAccess(String command, String origin) {
    if (!origins.allowsLogAccess(origin)) {
      log.warn("log.access.refused command={} origin=\"{}\"", command, OriginPolicy.printable(origin));
      throw new FunctionalException(
          command + " is reserved to the connector's own pages and to the origins listed in"
              + " server/log_origins; use hl_getSessionLogsTail for a session's own logs");
    }
  }

  private LogsTailAnswer logsTail(LogsTailInput input) {
    logs.flush(); // the lines logged before the command are in the files
    String server = null;
    String connector = null;
    if (input.wantsServerLog()) {
      server = LogTail.lastLinesBase64(logs.serviceLog(), input.serverLines());
    }
    if (input.wantsConnectorLog()) {
      connector = LogTail.lastLinesBase64(logs.connectorLog(), input.connectorLines());
    }
    return new LogsTailAnswer(server, connector);
  }

  private String setLogLevels(LogCommands.LogLevels input) {
    int connector = logs.connectorLevel();
    int service = logs.serviceLevel();
    if (input.dmpConnectLogLevel() != null) {
      connector = LogLevels.stripConsoleFlags(input.dmpConnectLogLevel());
      if (connector < 0 || connector > 5) {
        throw new InvalidParameterException("i_dmpConnectLogLevel", "must be between 0 and 5");
      }
    }
    if (input.dmpConnectJsLogLevel() != null) {
      service = LogLevels.stripConsoleFlags(input.dmpConnectJsLogLevel());
      if (service < 1 || service > 7) {
        throw new InvalidParameterException("i_dmpConnectJsLogLevel", "must be between 1 and 7");
      }
    }
    logs.setConnectorLevel(connector);
    logs.setServiceLevel(service);
    log.info("log.levels service={} connector={}", service, connector);
    String payload = json.write(new LinkMessages.SetLogLevels(service, connector));
    workers.workers().stream()
        .filter(worker -> worker.state() == org.libreconnect.master.worker.WorkerHandle.State.READY)
        .forEach(worker -> worker.call("", payload, LINK_CALL_DEADLINE));
    return json.ok(null);
  }
}
