package org.libreconnect.worker.objects;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.worker.SessionContext;

/**
 * A session's objects, by handle: those the worker's parts hold (through their {@link
 * ObjectSource}s), those the client made with {@code createObject} or {@code copyObjectFromList},
 * minus those it released. A closed session's made objects are dropped at the next call.
 */
public final class ObjectRegistry {
  /** Created objects and released handles of one session. */
  private static final class Own {
    final SessionContext session;
    final Map<Integer, SessionObject> made = new HashMap<>();
    final Set<Integer> released = new HashSet<>();
    int next = Handles.FIRST_CREATED;

    Own(SessionContext session) {
      this.session = session;
    }
  }

  /** At most this many made objects per session, so a looping page cannot exhaust the heap. */
  static final int MAX_MADE = 10_000;

  private final List<ObjectSource> sources;
  private final Map<String, Own> own = new ConcurrentHashMap<>();

  public ObjectRegistry(List<ObjectSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /** The object {@code handle} of {@code session}, if there is one. */
  public Optional<SessionObject> find(SessionContext session, int handle) {
    Own mine = own(session);
    synchronized (mine) {
      if (mine.released.contains(handle)) {
        return Optional.empty();
      }
      SessionObject made = mine.made.get(handle);
      if (made != null) {
        return Optional.of(made);
      }
    }
    for (ObjectSource source : sources) {
      Optional<SessionObject> found = source.find(session, handle);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * The object {@code handle} of {@code session}.
   *
   * @throws InvalidParameterException naming {@code key} when there is none
   */
  public SessionObject get(SessionContext session, int handle, String key) {
    return find(session, handle)
        .orElseThrow(() -> new InvalidParameterException(key, "is not the handle of an object of this session"));
  }

  /** Keeps {@code object}'s content under a new handle; returns it. */
  public SessionObject add(SessionContext session, SessionObject object) {
    Own mine = own(session);
    synchronized (mine) {
      if (mine.made.size() >= MAX_MADE) {
        throw new InvalidParameterException("i_type",
            "no more objects can be made in this session (at most " + MAX_MADE + "); release some");
      }
      SessionObject made = object.copyAs(mine.next++);
      mine.made.put(made.handle(), made);
      return made;
    }
  }

  /** Whether {@code handle} was made by the client (and not yet released). */
  public boolean isMade(SessionContext session, int handle) {
    Own mine = own(session);
    synchronized (mine) {
      return mine.made.containsKey(handle);
    }
  }

  /**
   * Releases {@code handle}: a made object is forgotten, an object of a search answer is hidden
   * from the low-level API. Objects the session holds are released by {@code hl_closeSession}.
   */
  public void release(SessionContext session, int handle, String key) {
    get(session, handle, key);
    if (Handles.isHeldBySession(handle)) {
      throw new InvalidParameterException(key, "names an object the session holds; hl_closeSession releases it");
    }
    Own mine = own(session);
    synchronized (mine) {
      if (mine.made.remove(handle) == null) {
        mine.released.add(handle);
      }
    }
  }

  private Own own(SessionContext session) {
    own.values().removeIf(o -> !o.session.isOpen());
    return own.computeIfAbsent(session.sessionId(), id -> new Own(session));
  }
}
