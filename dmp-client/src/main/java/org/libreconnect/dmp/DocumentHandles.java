package org.libreconnect.dmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.libreconnect.protocol.error.InvalidParameterException;

/**
 * The documents found by the last {@code hl_findDocuments}, by {@code i_handle}. Each search
 * replaces the previous handles, as JS2 documents.
 */
public final class DocumentHandles {
  /** What a later command needs about a found document. */
  public record Entry(String ins, String uniqueId, String uuid, int format) {}

  private List<Entry> entries = List.of();
  private int firstHandle = 1;

  /** Replaces the handles; returns the handle of the first entry. */
  public synchronized int replace(List<Entry> found) {
    firstHandle += entries.size() + 1;
    entries = new ArrayList<>(found);
    return firstHandle;
  }

  /** The entry of {@code handle}. */
  public synchronized Entry get(int handle) {
    int index = handle - firstHandle;
    return Optional.ofNullable(index >= 0 && index < entries.size() ? entries.get(index) : null)
        .orElseThrow(() -> new InvalidParameterException("i_documentHandle",
            "is not a handle of the last hl_findDocuments"));
  }
}
