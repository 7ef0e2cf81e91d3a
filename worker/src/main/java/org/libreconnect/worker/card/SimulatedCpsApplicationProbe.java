package org.libreconnect.worker.card;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import org.libreconnect.pkcs11.holder.CpsHolder;
import org.libreconnect.simulation.card.CpsCardLayout;

/**
 * Looks at the card's CPS application over PC/SC, beside a PKCS#11 library that does not show
 * everything: the PIN tries left (VERIFY without data), and the holder files when the library's
 * view of the card has no practice location (OpenSC shows the simulated card through its PIV
 * applet, which has none). Empty for any other card, an empty reader, a reader that cannot hold
 * the simulated card ({@link CardTerminalsPort#mayHoldSimulatedCard}: nothing is sent to a real card), or a token
 * that is not a PC/SC card (SoftHSM2).
 *
 * <p>The PIN is card-wide: while the library holds the card logged in, the private files are
 * readable, so no PIN goes through here, and the verification is never ended from here (that would
 * log the library out).
 */
final class SimulatedCpsApplicationProbe {
  /** What a CPS card allows before it blocks; a right PIN restores it. */
  static final int TRY_LIMIT = CpsCardLayout.PIN_TRY_LIMIT;

  private final CardTerminalsPort port;

  SimulatedCpsApplicationProbe(CardTerminalsPort port) {
    this.port = port;
  }

  /**
   * The tries left on the card in {@code readerName}, when its CPS application answers.
   *
   * @throws PcscContextLostException when the PC/SC service restarted under this JVM
   */
  OptionalInt triesLeft(String readerName) {
    return withApplication(readerName, cps -> Optional.of(cps.triesLeft()))
        .map(OptionalInt::of)
        .orElse(OptionalInt.empty());
  }

  /**
   * The holder data in the CPS application's files of the card in {@code readerName}, when it has
   * the application and its PIN is verified (by the library's login).
   *
   * @throws PcscContextLostException when the PC/SC service restarted under this JVM
   */
  Optional<CpsHolder> holderWhileVerified(String readerName) {
    return withApplication(readerName, cps -> cps.isVerified() ? Optional.of(SimulatedCpsHolderFiles.read(cps)) : Optional.empty());
  }

  private <T> Optional<T> withApplication(String readerName, Function<SimulatedCpsApplication, Optional<T>> action) {
    if (!port.mayHoldSimulatedCard(readerName)) {
      return Optional.empty(); // never the simulated card's private AID to a real card
    }
    try {
      CardTerminal terminal = port.terminals().getTerminal(readerName);
      if (terminal == null || !terminal.isCardPresent()) {
        return Optional.empty();
      }
      Card card = terminal.connect("*");
      return SimulatedCpsApplication.select(card, port.holdsPcscContext()).flatMap(action);
    } catch (PcscContextLostException e) {
      throw e;
    } catch (javax.smartcardio.CardException e) {
      if (PcscFailures.map(PcscFailures.Step.CONNECT, e, port.holdsPcscContext())
          instanceof PcscContextLostException lost) {
        throw lost;
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
