package org.libreconnect.worker.card;

import java.util.OptionalInt;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import org.libreconnect.simulator.card.CpsCardLayout;

/**
 * Reads a card's PIN tries left over PC/SC, beside a PKCS#11 library that cannot tell them
 * (SunPKCS11 hides the token flags): VERIFY without data on the CPS application, when the card
 * in the reader has one. Empty for any other card, an empty reader or a token that is not a PC/SC
 * card (SoftHSM2).
 */
final class CpsPinProbe {
  /** What a CPS card allows before it blocks; a right PIN restores it. */
  static final int TRY_LIMIT = CpsCardLayout.PIN_TRY_LIMIT;

  private final CardTerminalsPort port;

  CpsPinProbe(CardTerminalsPort port) {
    this.port = port;
  }

  /**
   * The tries left on the card in {@code readerName}, when its CPS application answers.
   *
   * @throws PcscContextLostException when the PC/SC service restarted under this JVM
   */
  OptionalInt triesLeft(String readerName) {
    try {
      CardTerminal terminal = port.terminals().getTerminal(readerName);
      if (terminal == null || !terminal.isCardPresent()) {
        return OptionalInt.empty();
      }
      Card card = terminal.connect("*");
      CpsApplication cps = new CpsApplication(card.getBasicChannel(), port.holdsPcscContext());
      return cps.select() ? OptionalInt.of(cps.triesLeft()) : OptionalInt.empty();
    } catch (PcscContextLostException e) {
      throw e;
    } catch (javax.smartcardio.CardException e) {
      if (PcscFailures.map(PcscFailures.Step.CONNECT, e, port.holdsPcscContext())
          instanceof PcscContextLostException lost) {
        throw lost;
      }
      return OptionalInt.empty();
    } catch (RuntimeException e) {
      return OptionalInt.empty();
    }
  }
}
