package org.libreconnect.simulator.card;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/**
 * PC/SC-like readers that exist only in this JVM, for the connector's simulation mode and fast
 * tests. They follow the JDK's SunPCSC semantics where jCardSim's own terminals do not: {@code
 * CARD_PRESENT} lists every terminal holding a card, events are those seen by the latest {@link
 * #waitForChange(long)}, a removed card's connections fail, and responses {@code 61xx}/{@code 6Cxx}
 * are completed automatically.
 */
public final class InProcessTerminals extends CardTerminals {
  final Object monitor = new Object();
  private final List<InProcessTerminal> terminals = new ArrayList<>();
  private final Map<InProcessTerminal, Long> seenGenerations = new HashMap<>();
  private final List<InProcessTerminal> inserted = new ArrayList<>();
  private final List<InProcessTerminal> removed = new ArrayList<>();
  private boolean waited;

  private InProcessTerminals(List<String> names) {
    for (String name : names) {
      terminals.add(new InProcessTerminal(this, name));
    }
  }

  /** Empty readers with these names, in this order. */
  public static InProcessTerminals create(String... names) {
    if (names.length == 0) {
      throw new IllegalArgumentException("at least one reader name is needed");
    }
    return new InProcessTerminals(List.of(names));
  }

  /** A reader slot for {@code card} in the terminal named {@code name}. */
  public InProcessReader reader(String name, CardChip card) {
    return new InProcessReader(terminal(name), card);
  }

  @Override
  public List<CardTerminal> list(State state) {
    synchronized (monitor) {
      List<CardTerminal> result = new ArrayList<>();
      for (InProcessTerminal terminal : terminals) {
        boolean matches =
            switch (state) {
              case ALL -> true;
              case CARD_PRESENT -> terminal.isCardPresent();
              case CARD_ABSENT -> !terminal.isCardPresent();
              case CARD_INSERTION -> inserted.contains(terminal);
              case CARD_REMOVAL -> removed.contains(terminal);
            };
        if (matches) {
          result.add(terminal);
        }
      }
      return result;
    }
  }

  /**
   * Returns at once when a card went in or out of a terminal since the previous call; otherwise, or
   * on the first call, blocks until that happens or {@code timeout} ms pass (0: no limit).
   */
  @Override
  public boolean waitForChange(long timeout) throws CardException {
    if (timeout < 0) {
      throw new IllegalArgumentException("timeout " + timeout + " is negative");
    }
    try {
      return await(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CardException("interrupted while waiting for a card event", e);
    }
  }

  private boolean await(long timeout) throws InterruptedException {
    synchronized (monitor) {
      if (!waited) {
        waited = true;
        remember();
      } else if (collectChanges()) {
        return true;
      }
      long deadline = System.nanoTime() + timeout * 1_000_000;
      while (true) {
        long left = timeout == 0 ? 0 : Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (timeout != 0 && System.nanoTime() >= deadline) {
          inserted.clear();
          removed.clear();
          return false;
        }
        monitor.wait(left);
        if (collectChanges()) {
          return true;
        }
      }
    }
  }

  InProcessTerminal terminal(String name) {
    for (InProcessTerminal terminal : terminals) {
      if (terminal.getName().equals(name)) {
        return terminal;
      }
    }
    throw new IllegalArgumentException("no reader named \"" + name + "\"");
  }

  private boolean collectChanges() {
    inserted.clear();
    removed.clear();
    for (InProcessTerminal terminal : terminals) {
      if (seenGenerations.get(terminal) != terminal.generation()) {
        (terminal.isCardPresent() ? inserted : removed).add(terminal);
      }
    }
    remember();
    return !inserted.isEmpty() || !removed.isEmpty();
  }

  private void remember() {
    for (InProcessTerminal terminal : terminals) {
      seenGenerations.put(terminal, terminal.generation());
    }
  }
}
