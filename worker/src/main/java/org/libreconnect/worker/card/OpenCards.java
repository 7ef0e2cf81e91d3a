package org.libreconnect.worker.card;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cards open in this worker, one per reader, shared by the sessions that chose that reader,
 * and closed when the last of them lets go. Only the card thread uses it.
 */
final class OpenCards {
  private static final Logger log = LoggerFactory.getLogger(OpenCards.class);

  private final Map<String, CardSelection> byReader = new HashMap<>();
  private final Map<CardSelection, Set<String>> users = new HashMap<>();
  private final Map<String, Integer> readerHandles = new HashMap<>();
  private int nextCardHandle = 1;

  /**
   * The card open in {@code readerName} for {@code sessionId}: the one already open when it still
   * answers, else a new one from {@code opener}.
   */
  CardSelection select(String readerName, String sessionId, Supplier<CpxCard> opener) {
    CardSelection current = byReader.get(readerName);
    if (current == null || !current.card().isUsable()) {
      if (current != null) {
        drop(current);
      }
      CpxCard card = opener.get();
      int readerHandle = readerHandles.computeIfAbsent(readerName, name -> readerHandles.size() + 1);
      current = new CardSelection(readerName, readerHandle, nextCardHandle++, card);
      byReader.put(readerName, current);
    }
    users.computeIfAbsent(current, selection -> new HashSet<>()).add(sessionId);
    return current;
  }

  /** Whether {@code selection} is still the card open in its reader. */
  boolean isCurrent(CardSelection selection) {
    return byReader.get(selection.readerName()) == selection;
  }

  /** {@code sessionId} no longer uses {@code selection}; the card closes with its last user. */
  void release(CardSelection selection, String sessionId) {
    Set<String> sessions = users.get(selection);
    if (sessions != null) {
      sessions.remove(sessionId);
      if (sessions.isEmpty()) {
        drop(selection);
      }
    }
  }

  private void drop(CardSelection selection) {
    users.remove(selection);
    byReader.remove(selection.readerName(), selection);
    try {
      selection.card().close();
    } catch (RuntimeException e) {
      log.debug("card.close.ignored reader=\"{}\" reason={}", selection.readerName(), e.toString());
    }
    log.info("card.closed reader=\"{}\" card={}", selection.readerName(), selection.cardHandle());
  }
}
