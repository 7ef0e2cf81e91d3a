package org.libreconnect.simulator.card;

import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/**
 * A simulated card and the in-process terminal it goes into; {@link #insert()} and {@link
 * #remove()} are what a user's hand does.
 */
public final class InProcessReader implements SimulatedReader {
  private final InProcessTerminal terminal;
  private final CardChip card;
  private final InProcessTerminals standalone;

  InProcessReader(InProcessTerminal terminal, CardChip card) {
    this(terminal, card, null);
  }

  private InProcessReader(
      InProcessTerminal terminal, CardChip card, InProcessTerminals standalone) {
    this.terminal = terminal;
    this.card = card;
    this.standalone = standalone;
  }

  /** A reader alone in its own {@link InProcessTerminals}. */
  static InProcessReader alone(String readerName, CardChip card) {
    InProcessTerminals terminals = InProcessTerminals.create(readerName);
    return new InProcessReader(terminals.terminal(readerName), card, terminals);
  }

  /**
   * The terminals this reader belongs to, when it was made by {@link
   * SimulatedCard#inProcessReader(String)}.
   *
   * @throws IllegalStateException for a reader made by {@link InProcessTerminals#reader}: use those
   *     terminals
   */
  public CardTerminals terminals() {
    if (standalone == null) {
      throw new IllegalStateException(
          "this reader belongs to an InProcessTerminals made by the caller");
    }
    return standalone;
  }

  /** The reader's terminal. */
  public CardTerminal terminal() {
    return terminal;
  }

  @Override
  public void insert() {
    synchronized (terminal.monitor()) {
      if (terminal.card() != card) {
        card.claim(this);
        terminal.insert(card);
      }
    }
  }

  @Override
  public void remove() {
    synchronized (terminal.monitor()) {
      if (terminal.card() == card) {
        terminal.remove();
        card.release(this);
      }
    }
  }

  @Override
  public boolean isCardInserted() {
    synchronized (terminal.monitor()) {
      return terminal.card() == card;
    }
  }
}
