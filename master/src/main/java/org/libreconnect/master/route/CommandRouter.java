package org.libreconnect.master.route;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.libreconnect.master.session.Session;
import org.libreconnect.master.session.SessionRegistry;
import org.libreconnect.master.user.ClientConnection;
import org.libreconnect.master.worker.ReplyListener;
import org.libreconnect.master.worker.WorkerHandle;
import org.libreconnect.protocol.CommandEnvelope;
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.protocol.command.CommandSpec;
import org.libreconnect.protocol.command.HousekeepingCommands;
import org.libreconnect.protocol.command.Target;
import org.libreconnect.protocol.error.ConnectorException;
import org.libreconnect.protocol.error.ErrorMapper;
import org.libreconnect.protocol.error.FunctionalException;
import org.libreconnect.protocol.error.UnknownCommandException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes one client command: the master serves session and log commands itself; everything
 * else goes, untouched, to the worker that holds the session. Never blocks: answers arrive
 * through the {@link ReplySink}. Every failure becomes a JS2 error answer here.
 */
public final class CommandRouter {
  private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

  private final WireJson json;
  private final ErrorMapper errors;
  private final CommandCatalogue catalogue;
  private final SessionRegistry sessions;
  private final MasterCommands masterCommands;
  private final Clock clock;
  private final boolean debugCommands;

  public CommandRouter(
      WireJson json,
      ErrorMapper errors,
      CommandCatalogue catalogue,
      SessionRegistry sessions,
      MasterCommands masterCommands,
      Clock clock) {
    this(json, errors, catalogue, sessions, masterCommands, clock, false);
  }

  /**
   * A router that serves the debug commands ({@code hl_crash}, {@code hl_zombie}) only when
   * {@code debugCommands} is true (configuration {@code debug/crash_commands}).
   */
  public CommandRouter(
      WireJson json,
      ErrorMapper errors,
      CommandCatalogue catalogue,
      SessionRegistry sessions,
      MasterCommands masterCommands,
      Clock clock,
      boolean debugCommands) {
    this.debugCommands = debugCommands;
    this.json = json;
    this.errors = errors;
    this.catalogue = catalogue;
    this.sessions = sessions;
    this.masterCommands = masterCommands;
    this.clock = clock;
  }

  /** Serves one command frame received from {@code origin}. */
  public void dispatch(String text, String origin, ReplySink sink) {
    dispatch(text, origin, Optional.empty(), sink);
  }

  /**
   * Serves one command frame received from {@code origin} over {@code connection} (the page's TCP
   * connection, whose OS user a terminal-server session must be).
   */
  public void dispatch(
      String text, String origin, Optional<ClientConnection> connection, ReplySink sink) {
    String commandName = null;
    try {
      CommandEnvelope envelope = json.parseCommand(text);
      // Errors never quote input: the name goes into answers only once the catalogue knows it.
      CommandSpec spec =
          catalogue
              .find(envelope.commandName())
              .orElseThrow(() -> new UnknownCommandException("Unknown command"));
      commandName = spec.name();
      if (!debugCommands && HousekeepingCommands.DEBUG_COMMANDS.contains(commandName)) {
        throw new FunctionalException(
            commandName + " is a debug command, refused unless debug/crash_commands is true in"
                + " the configuration");
      }
      log.debug("command.in name={} session={}", commandName, SessionIds.shortForm(envelope.sessionId()));
      if (spec.target() == Target.MASTER) {
        String name = commandName;
        masterCommands
            .serve(spec, envelope, origin, connection)
            .whenComplete(
                (answer, failure) -> {
                  if (failure != null) {
                    sink.send(errorJson(failure, name), true);
                  } else {
                    sink.send(answer, true);
                  }
                });
      } else {
        forward(spec, envelope, text, origin, sink);
      }
    } catch (RuntimeException e) {
      sink.send(errorJson(e, commandName), true);
    }
  }

  private void forward(
      CommandSpec spec, CommandEnvelope envelope, String text, String origin, ReplySink sink) {
    Session session = sessions.require(envelope.sessionId(), origin);
    session.touch(clock.instant());
    if (spec.persistent() && !sink.supportsStreaming()) {
      throw new FunctionalException(spec.name() + " needs a WebSocket: it sends several frames");
    }
    WorkerHandle worker = session.worker();
    String name = spec.name();
    if (!spec.persistent()) {
      worker.request(session.id(), text, new SingleAnswer(sink, name), spec.masterDeadline());
      return;
    }
    session.streamOpened();
    AtomicBoolean ended = new AtomicBoolean();
    Runnable end =
        () -> {
          if (ended.compareAndSet(false, true)) {
            session.streamClosed(clock.instant());
          }
        };
    long requestId =
        worker.request(
            session.id(),
            text,
            new ReplyListener() {
              @Override
              public void onReply(String answer, boolean last) {
                sink.send(answer, last);
                if (last) {
                  end.run();
                  sink.endStream();
                }
              }

              @Override
              public void onFailure(Throwable failure) {
                sink.send(errorJson(failure, name), true);
                end.run();
                sink.endStream();
              }
            },
            spec.masterDeadline());
    sink.onClose(
        () -> {
          worker.cancel(requestId);
          end.run();
        });
  }

  private String errorJson(Throwable failure, String commandName) {
    Throwable cause =
        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof Error) {
      log.error("command.failed name={} error=\"{}\"", commandName, cause.getClass().getName(), cause);
    } else {
      ConnectorException mapped = errors.toConnectorException(failure);
      if (mapped.kind().code() == 1) {
        log.warn("command.failed name={} error=\"{}\"", commandName, mapped.getMessage());
      }
    }
    return json.error(errors.toAnswer(failure, commandName));
  }

  /** Relays the one answer of a non-persistent command. */
  private final class SingleAnswer implements ReplyListener {
    private final ReplySink sink;
    private final String commandName;

    SingleAnswer(ReplySink sink, String commandName) {
      this.sink = sink;
      this.commandName = commandName;
    }

    @Override
    public void onReply(String answer, boolean last) {
      if (last) {
        sink.send(answer, true);
      }
    }

    @Override
    public void onFailure(Throwable failure) {
      sink.send(errorJson(failure, commandName), true);
    }
  }
}
