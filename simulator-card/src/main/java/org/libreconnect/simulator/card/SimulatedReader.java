package org.libreconnect.simulator.card;

import java.io.IOException;

/** A reader slot holding a simulated card, whose insertion and removal tests control. */
public interface SimulatedReader extends AutoCloseable {
  /** Puts the card into the reader (a fresh power-up: no PIN verified). */
  void insert() throws IOException;

  /** Takes the card out; does nothing when it is out already. */
  void remove();

  /** Whether the card is in the reader. */
  boolean isCardInserted();

  /** Takes the card out. */
  @Override
  default void close() {
    remove();
  }
}
