package org.libreconnect.master.session;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.libreconnect.protocol.error.InvalidSessionException;

/** The open sessions, by id. */
public final class SessionRegistry {
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  public void add(Session session) {
    sessions.put(session.id(), session);
  }

  /**
   * The session named by a command. A session may only be used from the origin that opened it:
   * another origin gets the same answer as an unknown id.
   *
   * @throws InvalidSessionException when the id is missing, unknown, or used from another origin
   */
  public Session require(String sessionId, String origin) {
    if (sessionId == null) {
      throw new InvalidSessionException("Missing parameter s_sessionId: open a session first");
    }
    Session session = sessions.get(sessionId);
    if (session == null || !java.util.Objects.equals(session.origin(), origin)) {
      throw new InvalidSessionException("Unknown, closed or expired session");
    }
    return session;
  }

  public Optional<Session> remove(String sessionId) {
    return Optional.ofNullable(sessions.remove(sessionId));
  }

  /** Removes the session only if it is still this one. */
  public boolean remove(Session session) {
    return sessions.remove(session.id(), session);
  }

  public Collection<Session> all() {
    return List.copyOf(sessions.values());
  }

  public int size() {
    return sessions.size();
  }
}
