package org.libreconnect.worker;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
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

  /**
   * @param maxSessionDataBytes limit of each session's temporary data, in bytes
   * @param commandThreads where session queues borrow their threads
   */
  public SessionRegistry(long maxSessionDataBytes, Executor commandThreads) {
    this.maxSessionDataBytes = maxSessionDataBytes;
    this.commandThreads = commandThreads;
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
    log.info("session.closed session={}", SessionIds.shortForm(sessionId));
    return Optional.of(session);
  }

  public int size() {
    return sessions.size();
  }
}
