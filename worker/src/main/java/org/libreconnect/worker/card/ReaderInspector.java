package org.libreconnect.worker.card;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.smartcardio.Card;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.libreconnect.protocol.command.CpxCardStatus;
import org.libreconnect.protocol.command.ReaderSlotType;
import org.libreconnect.simulation.card.CpsCardData;
import org.libreconnect.simulation.card.CpsCardLayout;

/**
 * Looks at the readers without asking for a PIN: which card each holds (from its ATR) and, for a
 * card with the simulated card's CPS application, whether it is blocked or expired. Connections
 * it makes stay open: the JDK shares one connection per reader, and closing it would close the
 * one a session uses.
 */
final class ReaderInspector {

  private final CardTerminalsPort port;
  private final AtrClassifier classifier;
  private final Clock clock;

  ReaderInspector(CardTerminalsPort port, AtrClassifier classifier, Clock clock) {
    this.port = port;
    this.classifier = classifier;
    this.clock = clock;
  }

  /** Every reader in PC/SC order. */
  List<String> readerNames() {
    List<String> names = new ArrayList<>();
    for (CardTerminal terminal : list()) {
      names.add(terminal.getName());
    }
    return names;
  }

  /** Every reader with what it holds. */
  List<ReaderView> readers() {
    List<ReaderView> views = new ArrayList<>();
    for (CardTerminal terminal : list()) {
      views.add(new ReaderView(terminal.getName(), slotType(terminal)));
    }
    return views;
  }

  /** The card status of every reader, in PC/SC order. */
  Map<String, CpxCardStatus> statuses() {
    Map<String, CpxCardStatus> statuses = new LinkedHashMap<>();
    for (CardTerminal terminal : list()) {
      statuses.put(terminal.getName(), status(terminal));
    }
    return statuses;
  }

  /** Which readers there are and whether each holds a card: cheap, no card is talked to. */
  Map<String, Boolean> presence() {
    Map<String, Boolean> presence = new LinkedHashMap<>();
    for (CardTerminal terminal : list()) {
      try {
        presence.put(terminal.getName(), terminal.isCardPresent());
      } catch (javax.smartcardio.CardException e) {
        RuntimeException failure = failure(e);
        if (failure instanceof PcscContextLostException || failure instanceof PcscUnavailableException) {
          throw failure;
        }
        presence.put(terminal.getName(), false);
      }
    }
    return presence;
  }

  /** The readers of the port. */
  CardTerminals terminals() {
    return port.terminals();
  }

  /** The typed exception for a PC/SC failure while watching the readers. */
  RuntimeException failure(javax.smartcardio.CardException e) {
    return PcscFailures.map(PcscFailures.Step.READERS, e, port.holdsPcscContext());
  }

  private List<CardTerminal> list() {
    CardTerminals terminals = port.terminals();
    try {
      return terminals.list(CardTerminals.State.ALL);
    } catch (javax.smartcardio.CardException e) {
      throw PcscFailures.map(PcscFailures.Step.READERS, e, port.holdsPcscContext());
    }
  }

  private ReaderSlotType slotType(CardTerminal terminal) {
    try {
      byte[] atr = atr(terminal);
      return atr == null ? ReaderSlotType.NO_CARD : classifier.classify(atr);
    } catch (PcscContextLostException | PcscUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      return ReaderSlotType.UNKNOWN; // a mute card, or a reader unplugged while listing
    }
  }

  /**
   * The status of the card in {@code terminal}. A card another program is using at that moment
   * (the PKCS#11 library of this very worker, through its own PC/SC context) can refuse a
   * connection or a command for a few milliseconds: such a failure is tried once more before the
   * card is called unknown.
   */
  private CpxCardStatus status(CardTerminal terminal) {
    Inspection first = inspect(terminal);
    if (!first.failed()) {
      return first.status();
    }
    try {
      Thread.sleep(RETRY_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return first.status();
    }
    return inspect(terminal).status();
  }

  private static final long RETRY_PAUSE_MILLIS = 150;

  /** A status, and whether it is "unknown" because a call failed rather than from the ATR. */
  private record Inspection(CpxCardStatus status, boolean failed) {
    static Inspection of(CpxCardStatus status) {
      return new Inspection(status, false);
    }

    static Inspection failure() {
      return new Inspection(CpxCardStatus.UnknownCardInserted, true);
    }
  }

  private Inspection inspect(CardTerminal terminal) {
    Card card;
    try {
      card = connect(terminal);
    } catch (PcscContextLostException | PcscUnavailableException e) {
      throw e;
    } catch (org.libreconnect.pkcs11.exceptions.ReaderNotFoundException e) {
      return Inspection.of(CpxCardStatus.CpxReaderError);
    } catch (RuntimeException e) {
      return Inspection.failure();
    }
    if (card == null) {
      return Inspection.of(CpxCardStatus.NoCardInserted);
    }
    if (classifier.classify(card.getATR().getBytes()) != ReaderSlotType.CPS_CARD) {
      return Inspection.of(CpxCardStatus.UnknownCardInserted);
    }
    if (!port.mayHoldSimulatedCard(terminal.getName())) {
      return Inspection.of(CpxCardStatus.ValidCardInserted); // a real CPS card: nothing more to read without PIN
    }
    try {
      Optional<SimulatedCpsApplication> selected = SimulatedCpsApplication.select(card, port.holdsPcscContext());
      if (selected.isEmpty()) {
        return Inspection.of(CpxCardStatus.ValidCardInserted); // a real CPS card: nothing more to read without PIN
      }
      SimulatedCpsApplication cps = selected.get();
      if (cps.triesLeft() == 0) {
        return Inspection.of(CpxCardStatus.CardIsBlocked);
      }
      LocalDate validUntil = CpsCardData.decodeCard(cps.readFile(CpsCardLayout.FID_CARD)).validUntil();
      return Inspection.of(
          validUntil.isBefore(LocalDate.now(clock))
              ? CpxCardStatus.CardIsExpired
              : CpxCardStatus.ValidCardInserted);
    } catch (PcscContextLostException e) {
      throw e;
    } catch (org.libreconnect.pkcs11.exceptions.TokenRemovedException e) {
      return Inspection.of(CpxCardStatus.NoCardInserted);
    } catch (RuntimeException e) {
      return Inspection.failure();
    }
  }

  /** The ATR of the card in {@code terminal}; null when it is empty. */
  private byte[] atr(CardTerminal terminal) {
    Card card = connect(terminal);
    return card == null ? null : card.getATR().getBytes();
  }

  /** A shared connection to the card in {@code terminal}, or null when there is none. */
  private Card connect(CardTerminal terminal) {
    try {
      if (!terminal.isCardPresent()) {
        return null;
      }
      return terminal.connect("*");
    } catch (CardNotPresentException e) {
      return null;
    } catch (javax.smartcardio.CardException e) {
      var failure = PcscFailures.map(PcscFailures.Step.CONNECT, e, port.holdsPcscContext());
      if (failure instanceof org.libreconnect.pkcs11.exceptions.TokenNotPresentException) {
        return null;
      }
      throw failure;
    }
  }
}
