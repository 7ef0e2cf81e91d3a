package org.libreconnect.master.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.libreconnect.master.worker.WorkerLostException;
import org.libreconnect.protocol.error.InvalidSessionException;

/**
 * The open sessions, by id, and the tombstones of those whose worker was lost: for a while, a
 * command naming such a session gets the reason instead of a bare "unknown session".
 */
public final class SessionRegistry {
  /** How long a lost session's reason is kept. */
  static final Duration TOMBSTONE_TTL = Duration.ofMinutes(10);

  /** Most tombstones kept; the oldest go first. */
  static final int MAX_TOMBSTONES = 1000;

  private record Tombstone(String origin, String reason, Instant until) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Tombstone> tombstones = new LinkedHashMap<>();
  private final Clock clock;

  public SessionRegistry() {
    this(Clock.systemUTC());
  }

  public SessionRegistry(Clock clock) {
    this.clock = clock;
  }

  public void add(Session session) {
    sessions.put(session.id(), session);
  }

  /**
   * The session named by a command. A session may only be used from the origin that opened it:
   * another origin gets the same answer as an unknown id.
   *
   * @throws InvalidSessionException when the id is missing, unknown, or used from another origin
   * @throws WorkerLostException when the session ended recently because its worker was lost
   */
  public Session require(String sessionId, String origin) {
    if (sessionId == null) {
      throw new InvalidSessionException("Missing parameter s_sessionId: open a session first");
    }
    Session session = sessions.get(sessionId);
    if (session == null || !Objects.equals(session.origin(), origin)) {
      Tombstone tombstone = tombstone(sessionId);
      if (tombstone != null && Objects.equals(tombstone.origin(), origin)) {
        throw new WorkerLostException(tombstone.reason());
      }
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

  /**
   * Removes a session whose worker was lost, keeping {@code reason} for the next command that
   * names it; false when it was no longer registered.
   */
  public boolean bury(Session session, String reason) {
    if (!sessions.remove(session.id(), session)) {
      return false;
    }
    synchronized (tombstones) {
      prune(clock.instant());
      tombstones.put(session.id(), new Tombstone(session.origin(), reason, clock.instant().plus(TOMBSTONE_TTL)));
      Iterator<String> oldest = tombstones.keySet().iterator();
      while (tombstones.size() > MAX_TOMBSTONES) {
        oldest.next();
        oldest.remove();
      }
    }
    return true;
  }

  private Tombstone tombstone(String sessionId) {
    synchronized (tombstones) {
      prune(clock.instant());
      return tombstones.get(sessionId);
    }
  }

  private void prune(Instant now) {
    tombstones.values().removeIf(tombstone -> tombstone.until().isBefore(now));
  }

  public Collection<Session> all() {
    return List.copyOf(sessions.values());
  }

  public int size() {
    return sessions.size();
  }
}
