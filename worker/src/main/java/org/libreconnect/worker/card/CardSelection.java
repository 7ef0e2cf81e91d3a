package org.libreconnect.worker.card;

import java.util.Objects;

/**
 * What {@code hl_getCpxCard} chose for a session: the reader and the card open in it. The handles
 * are what {@code hl_getSessionState} reports ({@code i_cpxReader}, {@code i_cpxCard}): non-zero,
 * stable per reader name, new for each card opened.
 *
 * @param readerName the PC/SC reader name
 * @param readerHandle the reader's handle in this worker
 * @param cardHandle the card's handle in this worker
 * @param card the open card; another session choosing the same reader shares it
 */
public record CardSelection(String readerName, int readerHandle, int cardHandle, CpxCard card) {
  public CardSelection {
    Objects.requireNonNull(readerName, "readerName");
    Objects.requireNonNull(card, "card");
  }
}
