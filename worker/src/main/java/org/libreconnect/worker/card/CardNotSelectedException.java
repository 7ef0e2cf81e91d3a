package org.libreconnect.worker.card;

import org.libreconnect.protocol.error.FunctionalException;

/** Thrown when a card command comes before {@code hl_getCpxCard} chose a reader in the session. */
public final class CardNotSelectedException extends FunctionalException {
  public CardNotSelectedException() {
    super("No CPx card selected in this session: call hl_getCpxCard first");
  }
}
