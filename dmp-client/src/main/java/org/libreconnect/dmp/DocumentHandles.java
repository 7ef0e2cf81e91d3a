package org.libreconnect.dmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.libreconnect.protocol.command.DmpCommands.FoundDocument;
import org.libreconnect.protocol.error.InvalidParameterException;

/**
 * The documents found by the last {@code hl_findDocuments}, by {@code i_handle}. Each search
 * replaces the previous handles, as JS2 documents. Handles start at {@link #FIRST_HANDLE} and
 * keep growing from search to search, so that an old handle never names a new document; the range
 * below is left to the session's other objects (the low-level object API shares one handle space).
 */
public final class DocumentHandles {
  /** The handle of the first document of a session's first search. */
  public static final int FIRST_HANDLE = 10_000;

  /** What a later command needs about a found document. */
  public record Entry(String ins, String uniqueId, String uuid, int format) {}

  private List<Entry> entries = List.of();
  private List<FoundDocument> answers = List.of();
  private int firstHandle = FIRST_HANDLE - 1;

  /** Replaces the handles; returns the handle of the first entry. */
  public synchronized int replace(List<Entry> found) {
    firstHandle += entries.size() + 1;
    entries = new ArrayList<>(found);
    answers = List.of();
    return firstHandle;
  }

  /** Keeps the answer items of the last search, in handle order, for the object API. */
  public synchronized void describe(List<FoundDocument> found) {
    answers = List.copyOf(found);
  }

  /** The entry of {@code handle}. */
  public synchronized Entry get(int handle) {
    return find(handle).orElseThrow(() -> new InvalidParameterException("i_documentHandle",
        "is not a handle of the last hl_findDocuments"));
  }

  /** The entry of {@code handle}, if it is a handle of the last search. */
  public synchronized Optional<Entry> find(int handle) {
    int index = handle - firstHandle;
    return Optional.ofNullable(index >= 0 && index < entries.size() ? entries.get(index) : null);
  }

  /** The answer item of {@code handle}, if it is a handle of the last search. */
  public synchronized Optional<FoundDocument> answer(int handle) {
    int index = handle - firstHandle;
    return Optional.ofNullable(index >= 0 && index < answers.size() ? answers.get(index) : null);
  }
}
