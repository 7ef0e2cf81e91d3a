package org.libreconnect.worker.card;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import org.libreconnect.pkcs11.exceptions.ReaderNotFoundException;
import org.libreconnect.protocol.command.ReaderSlotType;
import org.libreconnect.worker.vitale.VitaleCardReader;
import org.libreconnect.worker.vitale.VitaleFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vitale card operations of a worker, on the card thread: choose the reader, read the card
 * ({@link VitaleCardReader}), and watch readers for Vitale cards coming and going. A missing or
 * unreadable card is an outcome, not an error: JS2 reports it in {@code i_cardStatus}.
 */
public final class VitaleCards {
  private static final Logger log = LoggerFactory.getLogger(VitaleCards.class);

  private final CardService service;
  private final CardTerminalsPort port;
  private final ReaderInspector inspector;
  private final AtrClassifier classifier;
  private final CardWatcher watcher;
  private final Clock clock;

  VitaleCards(
      CardService service,
      CardTerminalsPort port,
      ReaderInspector inspector,
      AtrClassifier classifier,
      CardWatcher watcher,
      Clock clock) {
    this.service = service;
    this.port = port;
    this.inspector = inspector;
    this.classifier = classifier;
    this.watcher = watcher;
    this.clock = clock;
  }

  /** The clock of the worker, for birth-date rules. */
  public Clock clock() {
    return clock;
  }

  /**
   * {@code hl_getVitaleCard}: the reader named {@code readerName}, else the one at {@code
   * readerNumber}, else (neither given) the first reader holding a Vitale card.
   *
   * @throws ReaderNotFoundException when there is no such reader
   */
  public String select(Integer readerNumber, String readerName) {
    return service.onCardThread(
        () -> {
          if ((readerName == null || readerName.isEmpty()) && readerNumber == null) {
            return inspector.readers().stream()
                .filter(view -> view.slotType() == ReaderSlotType.VITALE_CARD)
                .map(ReaderView::name)
                .findFirst()
                .orElseThrow(
                    () -> new ReaderNotFoundException("no reader holds a Vitale card", null));
          }
          return CardService.chooseReader(inspector.readerNames(), readerNumber, readerName);
        });
  }

  /** {@code hl_readVitaleCard}: reads the card in {@code readerName}. */
  public VitaleReadOutcome read(String readerName) {
    VitaleReadOutcome outcome = service.onCardThread(() -> readNow(readerName));
    log.info("vitale.read reader=\"{}\" status={} reason=\"{}\"", readerName, outcome.status(), outcome.reason());
    return outcome;
  }

  /**
   * Watches {@code readerName} (null: every reader) and calls {@code listener} on the card thread
   * with the outcome of each Vitale card that goes in (read at once), and a missing-card outcome
   * when it goes out, starting with the present state. In "every reader" mode CPS cards are left
   * alone; another card is reported as unreadable.
   */
  public AutoCloseable monitor(String readerName, Consumer<VitaleReadOutcome> listener) {
    return watcher.subscribeReaders(new Watch(readerName, listener));
  }

  /** Follows card presence for one monitoring socket. */
  private final class Watch implements CardWatcher.ReaderListener {
    private final String readerName;
    private final Consumer<VitaleReadOutcome> listener;
    private String holder; // the reader whose card was last reported, null when none
    private boolean reported;

    Watch(String readerName, Consumer<VitaleReadOutcome> listener) {
      this.readerName = readerName;
      this.listener = listener;
    }

    @Override
    public void readers(Map<String, Boolean> presence) {
      if (holder != null && presence.getOrDefault(holder, false)) {
        return; // the card reported is still in its reader
      }
      if (holder != null) {
        holder = null;
        tell(VitaleReadOutcome.missing("card removed"));
      }
      for (String name : candidates(presence)) {
        if (presence.get(name)) {
          VitaleReadOutcome outcome = inspect(name);
          if (outcome != null) {
            holder = name;
            tell(outcome);
            return;
          }
        }
      }
      if (!reported) {
        tell(VitaleReadOutcome.missing("no card"));
      }
    }

    @Override
    public void unavailable() {
      holder = null;
      tell(VitaleReadOutcome.unreadable("PC/SC unavailable"));
    }

    private List<String> candidates(Map<String, Boolean> presence) {
      return readerName == null
          ? List.copyOf(presence.keySet())
          : presence.containsKey(readerName) ? List.of(readerName) : List.of();
    }

    /** The outcome for a card in {@code name}; null for a CPS card in "every reader" mode. */
    private VitaleReadOutcome inspect(String name) {
      if (readerName == null) {
        ReaderSlotType type = slotType(name);
        if (type == ReaderSlotType.CPS_CARD || type == ReaderSlotType.NO_CARD) {
          return null;
        }
      }
      return readNow(name);
    }

    private void tell(VitaleReadOutcome outcome) {
      reported = true;
      log.info("vitale.watch status={} reason=\"{}\"", outcome.status(), outcome.reason());
      listener.accept(outcome);
    }
  }

  private ReaderSlotType slotType(String name) {
    return inspector.readers().stream()
        .filter(view -> view.name().equals(name))
        .map(ReaderView::slotType)
        .findFirst()
        .orElse(ReaderSlotType.NO_CARD);
  }

  /** Reads the card in {@code readerName}; runs on the card thread. */
  VitaleReadOutcome readNow(String readerName) {
    CardTerminal terminal = port.terminals().getTerminal(readerName);
    if (terminal == null || !inspector.readerNames().contains(readerName)) {
      throw new ReaderNotFoundException("the reader chosen by hl_getVitaleCard is gone", null);
    }
    try {
      if (!terminal.isCardPresent()) {
        return VitaleReadOutcome.missing("no card");
      }
      Card card = terminal.connect("*");
      ReaderSlotType type = classifier.classify(card.getATR().getBytes());
      if (type != ReaderSlotType.VITALE_CARD) {
        return VitaleReadOutcome.unreadable("not a Vitale card (" + classifier.family(card.getATR().getBytes()) + ")");
      }
      return VitaleReadOutcome.found(VitaleCardReader.read(card.getBasicChannel()));
    } catch (VitaleFormatException e) {
      return VitaleReadOutcome.unreadable(e.getMessage());
    } catch (javax.smartcardio.CardException | IllegalStateException e) {
      return afterFailure(terminal, e);
    }
  }

  /** A failure while talking to the card: a removed card, else an unreadable one. */
  private VitaleReadOutcome afterFailure(CardTerminal terminal, Exception failure) {
    RuntimeException mapped = PcscFailures.map(PcscFailures.Step.TRANSMIT, failure, port.holdsPcscContext());
    if (mapped instanceof PcscContextLostException || mapped instanceof PcscUnavailableException) {
      throw mapped;
    }
    if (mapped instanceof org.libreconnect.pkcs11.exceptions.TokenRemovedException
        || mapped instanceof org.libreconnect.pkcs11.exceptions.TokenNotPresentException) {
      return VitaleReadOutcome.missing("card removed during the read");
    }
    try {
      if (!terminal.isCardPresent()) {
        return VitaleReadOutcome.missing("card removed during the read");
      }
    } catch (javax.smartcardio.CardException e) {
      return VitaleReadOutcome.missing("reader unreachable during the read");
    }
    return VitaleReadOutcome.unreadable("card failure: " + mapped.getMessage());
  }
}
