package org.libreconnect.worker.data;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Temporary data of one session (JS2 {@code hl_setSessionData} and co.), kept in memory; thread-safe.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>{@link #put} without an id creates an item under a new random id; with an id it replaces that
 *       item, which must exist. JS2 answers an error when a data id does not exist, so an update of an
 *       unknown id is refused with {@link UnknownSessionDataException} rather than creating it.
 *   <li>One limit, {@code maxTotalBytes}, bounds both a single item and the sum of all items. An
 *       update counts the new size in place of the old one. A refused put changes nothing.
 *   <li>Items are copied on the way in and on the way out: callers cannot change stored data.
 * </ul>
 */
public final class SessionDataStore {

  private final long maxTotalBytes;
  private final Object lock = new Object();
  private final Map<String, byte[]> items = new HashMap<>();
  private long totalBytes;

  /** @param maxTotalBytes limit for one item and for all items together, in bytes; positive */
  public SessionDataStore(long maxTotalBytes) {
    if (maxTotalBytes <= 0) {
      throw new IllegalArgumentException("maxTotalBytes must be positive, was " + maxTotalBytes);
    }
    this.maxTotalBytes = maxTotalBytes;
  }

  /**
   * Creates or replaces an item.
   *
   * @param idOrNull null or empty to create a new item, otherwise the id of the item to replace
   * @param data the bytes to store (copied)
   * @return the id of the item: the new one when created, {@code idOrNull} when replaced
   * @throws UnknownSessionDataException when an id is given but no item has it
   * @throws DataTooLargeException when the item alone, or the new total, would exceed the limit
   */
  public String put(String idOrNull, byte[] data) {
    Objects.requireNonNull(data, "data");
    boolean create = idOrNull == null || idOrNull.isEmpty();
    synchronized (lock) {
      byte[] previous = create ? null : items.get(idOrNull);
      if (!create && previous == null) {
        throw new UnknownSessionDataException(idOrNull);
      }
      String subject = create ? "new session data item" : "session data item \"" + idOrNull + "\"";
      if (data.length > maxTotalBytes) {
        throw new DataTooLargeException(subject, data.length, maxTotalBytes);
      }
      long newTotal = totalBytes - (previous == null ? 0 : previous.length) + data.length;
      if (newTotal > maxTotalBytes) {
        throw new DataTooLargeException("all session data with " + subject, newTotal, maxTotalBytes);
      }
      String id = create ? newId() : idOrNull;
      items.put(id, data.clone());
      totalBytes = newTotal;
      return id;
    }
  }

  /**
   * @return a copy of the item's bytes
   * @throws UnknownSessionDataException when no item has this id
   */
  public byte[] get(String id) {
    synchronized (lock) {
      byte[] data = items.get(id);
      if (data == null) {
        throw new UnknownSessionDataException(id);
      }
      return data.clone();
    }
  }

  /** @throws UnknownSessionDataException when no item has this id */
  public void remove(String id) {
    synchronized (lock) {
      byte[] removed = items.remove(id);
      if (removed == null) {
        throw new UnknownSessionDataException(id);
      }
      totalBytes -= removed.length;
    }
  }

  /** Removes every item. */
  public void clear() {
    synchronized (lock) {
      items.clear();
      totalBytes = 0;
    }
  }

  /** Sum of the sizes of all items, in bytes. */
  public long totalBytes() {
    synchronized (lock) {
      return totalBytes;
    }
  }

  /** The limit for one item and for all items together, in bytes. */
  public long maxTotalBytes() {
    return maxTotalBytes;
  }

  private String newId() {
    String id;
    do {
      id = UUID.randomUUID().toString();
    } while (items.containsKey(id));
    return id;
  }
}
