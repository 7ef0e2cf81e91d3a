package org.libreconnect.worker.card;

import org.libreconnect.pkcs11.exceptions.CardException;

/**
 * Thrown when the reader or the card fails in a way no more precise exception describes: a status
 * word the connector does not expect, a card used exclusively by another program, a mute card.
 */
public final class CardAccessException extends CardException {
  public CardAccessException(String message, Throwable cause) {
    super("CARD_ACCESS_FAILED", message, cause);
  }
}
