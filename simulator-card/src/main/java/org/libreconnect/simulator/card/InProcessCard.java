package org.libreconnect.simulator.card;

import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;

/**
 * A connection to the card in an in-process terminal. It dies when the card is removed, as a PC/SC
 * handle does ({@code SCARD_W_REMOVED_CARD}), even if the card comes back.
 */
final class InProcessCard extends Card {
  private final InProcessTerminal terminal;
  private final CardChip card;
  private final long generation;
  private final String protocol;
  private final InProcessChannel basicChannel = new InProcessChannel(this);
  private boolean connected = true;

  InProcessCard(InProcessTerminal terminal, CardChip card, long generation, String protocol) {
    this.terminal = terminal;
    this.card = card;
    this.generation = generation;
    this.protocol = protocol;
  }

  @Override
  public ATR getATR() {
    return new ATR(card.atr());
  }

  @Override
  public String getProtocol() {
    return protocol;
  }

  @Override
  public CardChannel getBasicChannel() {
    checkConnected();
    return basicChannel;
  }

  @Override
  public CardChannel openLogicalChannel() throws CardException {
    checkConnected();
    throw new CardException("the simulated card has no logical channels");
  }

  @Override
  public void beginExclusive() throws CardException {
    synchronized (terminal.monitor()) {
      usableCard();
      if (terminal.exclusive() != null && terminal.exclusive() != this) {
        throw new CardException("SCARD_E_SHARING_VIOLATION: another connection holds the card");
      }
      terminal.exclusive(this);
    }
  }

  @Override
  public void endExclusive() throws CardException {
    synchronized (terminal.monitor()) {
      checkConnected();
      if (terminal.exclusive() != this) {
        throw new IllegalStateException("this connection does not hold exclusive access");
      }
      terminal.exclusive(null);
    }
  }

  @Override
  public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
    checkConnected();
    throw new CardException("the in-process reader takes no control commands");
  }

  @Override
  public void disconnect(boolean reset) throws CardException {
    synchronized (terminal.monitor()) {
      if (!connected) {
        return;
      }
      connected = false;
      if (terminal.exclusive() == this) {
        terminal.exclusive(null);
      }
      if (reset && terminal.generation() == generation) {
        card.reset();
      }
    }
  }

  @Override
  public String toString() {
    return "In-process card in " + terminal.getName() + ", protocol " + protocol;
  }

  /** Sends one command APDU, without GET RESPONSE handling. */
  byte[] transmitRaw(byte[] command) throws CardException {
    synchronized (terminal.monitor()) {
      return usableCard().transmit(command);
    }
  }

  boolean isT0() {
    return "T=0".equals(protocol);
  }

  private CardChip usableCard() throws CardException {
    checkConnected();
    if (terminal.generation() != generation) {
      throw new CardException("SCARD_W_REMOVED_CARD: the card was removed");
    }
    InProcessCard holder = terminal.exclusive();
    if (holder != null && holder != this) {
      throw new CardException("SCARD_E_SHARING_VIOLATION: another connection holds the card");
    }
    return card;
  }

  private void checkConnected() {
    if (!connected) {
      throw new IllegalStateException("Card has been disconnected");
    }
  }
}
