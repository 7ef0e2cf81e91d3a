package org.libreconnect.worker.card;

import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/**
 * In-process readers behind a PC/SC context that the test can kill, as a restart of pcscd kills
 * the JDK's: afterwards every call fails with {@code SCARD_E_NO_SERVICE}.
 */
final class DyingPcscPort implements CardTerminalsPort {
  private final CardTerminals live;
  private volatile boolean dead;

  DyingPcscPort(CardTerminals live) {
    this.live = live;
  }

  void kill() {
    dead = true;
  }

  @Override
  public CardTerminals terminals() {
    return new CardTerminals() {
      @Override
      public List<CardTerminal> list(State state) throws CardException {
        check("list() failed");
        return live.list(state);
      }

      @Override
      public boolean waitForChange(long timeout) throws CardException {
        check("waitForChange() failed");
        boolean changed = live.waitForChange(timeout);
        check("waitForChange() failed");
        return changed;
      }
    };
  }

  @Override
  public boolean holdsPcscContext() {
    return true;
  }

  @Override
  public String kind() {
    return "dying PC/SC";
  }

  /** Its readers hold the simulated card, as vpcd's readers do behind a real pcscd. */
  @Override
  public boolean mayHoldSimulatedCard(String readerName) {
    return true;
  }

  private void check(String what) throws CardException {
    if (dead) {
      throw new CardException(what, new Exception("SCARD_E_NO_SERVICE"));
    }
  }
}
