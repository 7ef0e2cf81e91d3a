package org.libreconnect.simulator.card;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;

/**
 * One in-process reader slot: holds at most one simulated card and counts insertions and removals.
 */
final class InProcessTerminal extends CardTerminal {
  private final InProcessTerminals owner;
  private final String name;
  private CardChip card;
  private long generation;
  private InProcessCard exclusive;

  InProcessTerminal(InProcessTerminals owner, String name) {
    this.owner = owner;
    this.name = name;
  }

  @Override
  public String getName() {
    return name;
  }

  /**
   * Connects with {@code "T=0"}, {@code "T=1"} or {@code "*"}, which gives T=1 as pcscd does for
   * this ATR (it offers T=0 first, then T=1).
   */
  @Override
  public Card connect(String protocol) throws CardException {
    String chosen =
        switch (protocol) {
          case "T=0" -> "T=0";
          case "*", "T=1" -> "T=1";
          default ->
              throw new CardException("protocol " + protocol + " is not offered by the card");
        };
    synchronized (owner.monitor) {
      if (card == null) {
        throw new CardNotPresentException("no card in " + name);
      }
      return new InProcessCard(this, card, generation, chosen);
    }
  }

  @Override
  public boolean isCardPresent() {
    synchronized (owner.monitor) {
      return card != null;
    }
  }

  @Override
  public boolean waitForCardPresent(long timeout) throws CardException {
    return waitFor(true, timeout);
  }

  @Override
  public boolean waitForCardAbsent(long timeout) throws CardException {
    return waitFor(false, timeout);
  }

  @Override
  public String toString() {
    return "In-process terminal: " + name;
  }

  Object monitor() {
    return owner.monitor;
  }

  long generation() {
    return generation;
  }

  CardChip card() {
    return card;
  }

  InProcessCard exclusive() {
    return exclusive;
  }

  void exclusive(InProcessCard holder) {
    exclusive = holder;
  }

  void insert(CardChip inserted) {
    synchronized (owner.monitor) {
      if (card != null) {
        throw new IllegalStateException(name + " already holds a card");
      }
      inserted.reset();
      card = inserted;
      generation++;
      owner.monitor.notifyAll();
    }
  }

  void remove() {
    synchronized (owner.monitor) {
      if (card == null) {
        return;
      }
      card.reset();
      card = null;
      exclusive = null;
      generation++;
      owner.monitor.notifyAll();
    }
  }

  private boolean waitFor(boolean present, long timeout) throws CardException {
    if (timeout < 0) {
      throw new IllegalArgumentException("timeout " + timeout + " is negative");
    }
    try {
      return await(present, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CardException("interrupted while waiting for the card", e);
    }
  }

  private boolean await(boolean present, long timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout * 1_000_000;
    synchronized (owner.monitor) {
      while ((card != null) != present) {
        if (timeout == 0) {
          owner.monitor.wait();
        } else {
          long left = (deadline - System.nanoTime()) / 1_000_000;
          if (left <= 0) {
            return false;
          }
          owner.monitor.wait(left);
        }
      }
      return true;
    }
  }
}
