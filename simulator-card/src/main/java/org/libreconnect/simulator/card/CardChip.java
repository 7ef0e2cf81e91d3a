package org.libreconnect.simulator.card;

/**
 * A simulated card as a reader sees it (the CPS card, the Vitale card): an ATR, command APDUs in
 * and response APDUs out, a power cycle, and one reader at a time.
 */
public interface CardChip {
  /** The card's answer to reset. */
  byte[] atr();

  /** Sends one command APDU to the card and returns the response APDU. */
  byte[] transmit(byte[] command);

  /** Resets the card as a power cycle does. */
  void reset();

  /** Records that {@code reader} holds the card; a card is in one reader at a time. */
  void claim(Object reader);

  /** Records that {@code reader} no longer holds the card. */
  void release(Object reader);
}
