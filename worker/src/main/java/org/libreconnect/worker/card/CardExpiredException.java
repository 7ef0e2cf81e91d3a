package org.libreconnect.worker.card;

import org.libreconnect.pkcs11.exceptions.CardException;

/** Thrown when the card is past its last valid day; it is refused before any PIN is tried. */
public final class CardExpiredException extends CardException {
  public CardExpiredException(String message) {
    super("CARD_EXPIRED", message, null);
  }
}
