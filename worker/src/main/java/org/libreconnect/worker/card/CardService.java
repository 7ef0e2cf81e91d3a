package org.libreconnect.worker.card;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.smartcardio.CardTerminal;
import org.libreconnect.pkcs11.exceptions.ReaderNotFoundException;
import org.libreconnect.pkcs11.exceptions.TokenRemovedException;
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.protocol.command.CpxCardStatus;
import org.libreconnect.worker.SessionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader and card operations of a worker, each run on the card thread: list the readers,
 * choose a session's card, read its status, read it and sign with it. When the PC/SC context dies
 * with a restart of the service, the operation fails with a clear error and the worker asks to be
 * replaced.
 */
public final class CardService {
  private static final Logger log = LoggerFactory.getLogger(CardService.class);

  private final CardExecutor executor;
  private final CardTerminalsPort port;
  private final ReaderInspector inspector;
  private final CardBackends backends;
  private final CardWatcher watcher;
  private final Consumer<String> askForReplacement;
  private final OpenCards cards = new OpenCards();
  private volatile String contextLost;
  private final VitaleCards vitale;

  /**
   * @param askForReplacement called once, with the reason, when the PC/SC context died
   */
  public CardService(
      CardExecutor executor,
      CardTerminalsPort port,
      CardBackends backends,
      java.time.Clock clock,
      Consumer<String> askForReplacement) {
    this.executor = executor;
    this.port = port;
    this.inspector = new ReaderInspector(port, new AtrClassifier(), clock);
    this.backends = backends;
    this.watcher = new CardWatcher(executor, inspector, this::contextLost);
    this.askForReplacement = askForReplacement;
    this.vitale = new VitaleCards(this, port, inspector, new AtrClassifier(), watcher, clock);
  }

  /** The Vitale card operations, on the same card thread. */
  public VitaleCards vitale() {
    return vitale;
  }

  /**
   * Prepares the readers in the background (the simulated card's material and applets), so that
   * the first command does not wait for them; failures show up at that command instead.
   */
  public void prepare() {
    executor.execute(
        () -> {
          try {
            port.terminals();
          } catch (RuntimeException e) {
            log.debug("card.prepare.failed reason={}", e.toString());
          }
        });
  }

  /** Every reader with what it holds, in PC/SC order. */
  public List<ReaderView> readers() {
    return onCardThread(inspector::readers);
  }

  /**
   * {@code hl_getCpxCard}: opens (or reuses) the card of the reader named {@code readerName}, or
   * when that is empty the reader at {@code readerNumber} (0 when absent) in the reader list.
   */
  public CardSelection select(SessionContext session, Integer readerNumber, String readerName) {
    CardSelection selection =
        onCardThread(
            () -> {
              List<String> names = inspector.readerNames();
              String reader = chooseReader(names, readerNumber, readerName);
              CardSelection chosen =
                  cards.select(reader, session.sessionId(), () -> backends.open(reader, names));
              session
                  .cardSelection()
                  .filter(previous -> previous != chosen)
                  .ifPresent(previous -> cards.release(previous, session.sessionId()));
              return chosen;
            });
    session.selectCard(selection);
    log.info(
        "card.selected session={} reader=\"{}\" card={}",
        SessionIds.shortForm(session.sessionId()),
        selection.readerName(),
        selection.cardHandle());
    return selection;
  }

  /**
   * {@code hl_getCpxStatus}: the status of the session's card; a card removed or changed since
   * {@code hl_getCpxCard} reports NoCardInserted or CardStatusChanged rather than an error.
   */
  public CpxCard.Status status(SessionContext session) {
    CardSelection selection = session.cardSelection().orElseThrow(CardNotSelectedException::new);
    return onCardThread(
        () -> {
          if (cards.isCurrent(selection) && selection.card().isUsable()) {
            try {
              return selection.card().status();
            } catch (TokenRemovedException e) {
              // fall through: report what is in the reader now
            }
          }
          return new CpxCard.Status(
              readerState(selection.readerName()),
              java.util.OptionalInt.empty(),
              java.util.Optional.empty(),
              java.util.Optional.empty());
        });
  }

  /** {@code hl_readCpxCard}: checks {@code pin} (wiped) and reads the session's card. */
  public CpxCard.Reading read(SessionContext session, char[] pin) {
    try {
      CardSelection selection = session.cardSelection().orElseThrow(CardNotSelectedException::new);
      return onCardThread(() -> afterPin(() -> usable(selection).read(pin)));
    } finally {
      java.util.Arrays.fill(pin, '\0');
    }
  }

  /**
   * {@code hl_createDmpConnector}: checks {@code pin} (wiped), reads the session's card and keeps
   * its PIN session open; the keys returned work on the card thread while the card stays the one
   * selected, until it is released.
   */
  public CpxCard.Unlocked unlock(SessionContext session, char[] pin) {
    try {
      CardSelection selection = session.cardSelection().orElseThrow(CardNotSelectedException::new);
      CpxCard.Unlocked unlocked =
          onCardThread(() -> afterPin(() -> usable(selection).unlock(pin, executor)));
      return new CpxCard.Unlocked(unlocked.reading(), new SelectedCardKeys(selection, unlocked.keys()));
    } finally {
      java.util.Arrays.fill(pin, '\0');
    }
  }

  /** {@code hl_signWithCpxCard}: checks {@code pin} (wiped) and signs {@code data}. */
  public CpxCard.Signature sign(SessionContext session, char[] pin, byte[] data) {
    try {
      CardSelection selection = session.cardSelection().orElseThrow(CardNotSelectedException::new);
      return onCardThread(() -> afterPin(() -> usable(selection).sign(pin, data)));
    } finally {
      java.util.Arrays.fill(pin, '\0');
    }
  }

  /**
   * The session ended: its card is closed unless another session uses it. Returns at once (the
   * link reader calls it); the card thread does the work.
   */
  public void release(SessionContext session) {
    session
        .cardSelection()
        .ifPresent(
            selection -> {
              session.selectCard(null);
              executor.execute(() -> cards.release(selection, session.sessionId()));
            });
  }

  /** The card watcher, for monitoring. */
  public CardWatcher watcher() {
    return watcher;
  }

  /** Keys of a selected card, used on the card thread and only while that card is current. */
  private final class SelectedCardKeys implements CardKeys {
    private final CardSelection selection;
    private final CardKeys keys;

    SelectedCardKeys(CardSelection selection, CardKeys keys) {
      this.selection = selection;
      this.keys = keys;
    }

    @Override
    public javax.net.ssl.SSLContext tlsContext(java.security.KeyStore roots) {
      return onCardThread(() -> {
        usable(selection);
        return keys.tlsContext(roots);
      });
    }

    @Override
    public byte[] signSha256(byte[] data) {
      return onCardThread(() -> {
        usable(selection);
        return keys.signSha256(data);
      });
    }
  }

  private CpxCard usable(CardSelection selection) {
    if (!cards.isCurrent(selection) || !selection.card().isUsable()) {
      throw new TokenRemovedException(
          "the card was removed or changed since hl_getCpxCard; call hl_getCpxCard again", null);
    }
    return selection.card();
  }

  private <T> T afterPin(CardExecutor.CardTask<T> task) {
    try {
      return task.run();
    } finally {
      watcher.refresh(); // a PIN try may have blocked the card: monitors must see it
    }
  }

  private CpxCardStatus readerState(String readerName) {
    try {
      CardTerminal terminal = port.terminals().getTerminal(readerName);
      if (terminal == null || !inspector.readerNames().contains(readerName)) {
        return CpxCardStatus.CpxReaderError;
      }
      return terminal.isCardPresent()
          ? CpxCardStatus.CardStatusChanged
          : CpxCardStatus.NoCardInserted;
    } catch (javax.smartcardio.CardException e) {
      throw PcscFailures.map(PcscFailures.Step.READERS, e, port.holdsPcscContext());
    }
  }

  static String chooseReader(List<String> names, Integer readerNumber, String readerName) {
    if (readerName != null && !readerName.isEmpty()) {
      if (names.contains(readerName)) {
        return readerName;
      }
      String wanted = readerName.strip().toLowerCase(Locale.ROOT);
      List<String> loose =
          names.stream().filter(n -> n.strip().toLowerCase(Locale.ROOT).equals(wanted)).toList();
      if (loose.size() == 1) {
        return loose.get(0);
      }
      throw new ReaderNotFoundException(
          "no PC/SC reader is named \"" + readerName + "\"; readers present: " + names, null);
    }
    int number = readerNumber == null ? 0 : readerNumber;
    if (number < 0 || number >= names.size()) {
      throw new ReaderNotFoundException(
          "there is no reader number " + number + " (" + names.size() + " readers present)", null);
    }
    return names.get(number);
  }

  <T> T onCardThread(CardExecutor.CardTask<T> task) {
    if (contextLost != null) {
      throw new PcscContextLostException(contextLost, null);
    }
    return executor.call(
        () -> {
          try {
            return task.run();
          } catch (PcscContextLostException e) {
            contextLost(e.getMessage());
            throw e;
          }
        });
  }

  /** Records that the PC/SC context is dead and asks, once, for a replacement worker. */
  void contextLost(String reason) {
    synchronized (this) {
      if (contextLost != null) {
        return;
      }
      contextLost = reason;
    }
    log.warn("pcsc.context.lost reason=\"{}\" action=\"asking the master for a new worker\"", reason);
    askForReplacement.accept(reason);
  }
}
