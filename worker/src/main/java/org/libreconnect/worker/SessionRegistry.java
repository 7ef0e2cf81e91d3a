package org.libreconnect.worker;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.protocol.link.LinkMessages.SessionOpened;
import org.libreconnect.worker.data.SessionDataStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sessions that live in this worker, by JS2 session id. */
public final class SessionRegistry {
  private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);

  private final long maxSessionDataBytes;
  private final Executor commandThreads;
  private final Map<String, SessionContext> sessions = new ConcurrentHashMap<>();
  private final Consumer<SessionContext> onClose;

  /**
   * @param maxSessionDataBytes limit of each session's temporary data, in bytes
   * @param commandThreads where session queues borrow their threads
   */
  public SessionRegistry(long maxSessionDataBytes, Executor commandThreads) {
    this(maxSessionDataBytes, commandThreads, session -> {});
  }

  /**
   * Same, with {@code onClose} told of each closed session (it lets go of the session's card); it
   * runs on the link reader thread and must return at once.
   */
  public SessionRegistry(
      long maxSessionDataBytes, Executor commandThreads, Consumer<SessionContext> onClose) {
    this.maxSessionDataBytes = maxSessionDataBytes;
    this.commandThreads = commandThreads;
    this.onClose = onClose;
  }

  /** Creates the session; a session id already known keeps its existing context. */
  public SessionContext open(String sessionId, SessionOpened opened) {
    return sessions.computeIfAbsent(
        sessionId,
        id -> {
          log.info(
              "session.opened session={} app={} origin={}",
              SessionIds.shortForm(id),
              opened.applicationId(),
              opened.origin());
          return new SessionContext(
              id,
              opened.applicationId(),
              opened.userName(),
              opened.domainName(),
              opened.origin(),
              new SessionDataStore(maxSessionDataBytes),
              new SerialExecutor(commandThreads));
        });
  }

  public Optional<SessionContext> find(String sessionId) {
    return sessionId == null ? Optional.empty() : Optional.ofNullable(sessions.get(sessionId));
  }

  /** Forgets the session and drops its data; returns it, or empty when it was unknown. */
  public Optional<SessionContext> close(String sessionId) {
    SessionContext session = sessionId == null ? null : sessions.remove(sessionId);
    if (session == null) {
      return Optional.empty();
    }
    session.markClosed();
    session.data().clear();
    onClose.accept(session);
    log.info("session.closed session={}", SessionIds.shortForm(sessionId));
    return Optional.of(session);
  }

  public int size() {
    return sessions.size();
  }
}
