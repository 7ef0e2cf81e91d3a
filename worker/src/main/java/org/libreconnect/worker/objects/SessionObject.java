package org.libreconnect.worker.objects;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.libreconnect.protocol.objects.HandleType;
import org.libreconnect.protocol.objects.ObjectParameter;

/**
 * One object of a session as the low-level API shows it: its handle, its type and its parameters
 * (a {@code String}, an {@code Integer} for integers, booleans, enums and handles, or a {@code
 * Double}), or, for a list, the handles of its items.
 *
 * @param complete false for an object made by {@code createObject} that nothing has filled
 */
public record SessionObject(
    int handle,
    HandleType type,
    Map<ObjectParameter, Object> values,
    List<Integer> items,
    boolean complete) {

  public SessionObject {
    Objects.requireNonNull(type, "type");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    items = List.copyOf(items);
  }

  /** An object with these parameters. */
  public static SessionObject of(int handle, HandleType type, Map<ObjectParameter, Object> values) {
    return new SessionObject(handle, type, values, List.of(), true);
  }

  /** A list of these items. */
  public static SessionObject list(int handle, List<Integer> items) {
    return new SessionObject(handle, HandleType.LIST, Map.of(), items, true);
  }

  /** The same content under another handle. */
  SessionObject copyAs(int newHandle) {
    return new SessionObject(newHandle, type, values, items, complete);
  }
}
