package org.libreconnect.worker.card;

import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;

/**
 * Remembers the PC/SC connection to the card a PKCS#11 token was opened on, to notice that the
 * card was taken out (and maybe put back) even when the library keeps answering: the JDK hands
 * out the same connection while it stays valid and a new one after a removal.
 */
final class InsertionMark {
  private final CardTerminalsPort port;
  private final String readerName;
  private final Card connection;

  private InsertionMark(CardTerminalsPort port, String readerName, Card connection) {
    this.port = port;
    this.readerName = readerName;
    this.connection = connection;
  }

  /** The mark of the card now in {@code readerName}; a token with no PC/SC card gets none. */
  static InsertionMark of(CardTerminalsPort port, String readerName) {
    return new InsertionMark(port, readerName, connect(port, readerName));
  }

  /** Whether the card is still the one marked; true when there was no PC/SC card to mark. */
  boolean stillInserted() {
    if (connection == null) {
      return true;
    }
    Card now = connect(port, readerName);
    return now == connection;
  }

  private static Card connect(CardTerminalsPort port, String readerName) {
    try {
      CardTerminal terminal = port.terminals().getTerminal(readerName);
      if (terminal == null || !terminal.isCardPresent()) {
        return null;
      }
      return terminal.connect("*");
    } catch (javax.smartcardio.CardException e) {
      if (PcscFailures.map(PcscFailures.Step.CONNECT, e, port.holdsPcscContext())
          instanceof PcscContextLostException lost) {
        throw lost;
      }
      return null;
    } catch (PcscContextLostException e) {
      throw e;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
