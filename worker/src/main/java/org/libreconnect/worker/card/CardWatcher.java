package org.libreconnect.worker.card;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.smartcardio.CardTerminals;
import org.libreconnect.protocol.command.CpxCardStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the readers for the monitoring sockets of a worker: waits on the card thread in {@code
 * CardTerminals.waitForChange} and tells each subscriber its card status when it changes, at once
 * (first the current status, then one call per change). It runs only while someone subscribes.
 *
 * <p>The waits last at most {@link #SLICE}: pcsc-lite serves one call of a context at a time, so
 * card commands queued on the card thread get their turn between two waits. Changes return a
 * wait at once. Reader plugs and unplugs are not PC/SC events for the JDK, so the reader list is
 * compared every {@link #RECHECK} (no card is talked to for that). A dead PC/SC context is
 * reported as CpxReaderError before the worker asks to be replaced.
 */
public final class CardWatcher {
  /** The longest single wait for a PC/SC event. */
  static final Duration SLICE = Duration.ofMillis(100);

  /** How often the reader list is compared without an event (reader plugged or unplugged). */
  static final Duration RECHECK = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(CardWatcher.class);

  private final CardExecutor executor;
  private final ReaderInspector inspector;
  private final Consumer<String> onContextLost;
  private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
  private final List<ReaderSubscription> readerSubscribers = new CopyOnWriteArrayList<>();
  private volatile boolean refresh = true;
  private boolean running;
  private boolean stopped;
  private Map<String, CpxCardStatus> statuses = Map.of();
  private Map<String, Boolean> presence = Map.of();
  private boolean noReaders;
  private long lastRead;

  CardWatcher(CardExecutor executor, ReaderInspector inspector, Consumer<String> onContextLost) {
    this.executor = executor;
    this.inspector = inspector;
    this.onContextLost = onContextLost;
  }

  /** One subscriber: a reader (or any reader) and where its statuses go. */
  public final class Subscription implements AutoCloseable {
    private final String readerName;
    private final Consumer<CpxCardStatus> listener;
    private CpxCardStatus last;

    private Subscription(String readerName, Consumer<CpxCardStatus> listener) {
      this.readerName = readerName;
      this.listener = listener;
    }

    /** Stops the calls; safe from any thread, more than once. */
    @Override
    public void close() {
      subscribers.remove(this);
    }

    private void offer(CpxCardStatus status) {
      if (status != last) {
        last = status;
        try {
          listener.accept(status);
        } catch (RuntimeException e) {
          log.warn("card.watch.listener.failed reason={}", e.toString());
          close();
        }
      }
    }
  }

  /**
   * Calls {@code listener} on the card thread with the card status of {@code readerName} (null:
   * any reader) now, then after each change, until the subscription is closed.
   */
  public Subscription subscribe(String readerName, Consumer<CpxCardStatus> listener) {
    Subscription subscription = new Subscription(readerName, listener);
    subscribers.add(subscription);
    refresh = true;
    start();
    return subscription;
  }

  /**
   * What a reader subscriber is told, on the card thread: which readers there are and whether each
   * holds a card, after each change and at once when subscribing; or that PC/SC failed.
   */
  public interface ReaderListener {
    /** The readers and whether each holds a card, in PC/SC order. */
    void readers(Map<String, Boolean> presence);

    /** PC/SC is not running, has no reader or lost its context. */
    void unavailable();
  }

  /** A subscriber to reader presence (Vitale monitoring). */
  public final class ReaderSubscription implements AutoCloseable {
    private final ReaderListener listener;
    private Map<String, Boolean> last;
    private boolean failed;

    private ReaderSubscription(ReaderListener listener) {
      this.listener = listener;
    }

    /** Stops the calls; safe from any thread, more than once. */
    @Override
    public void close() {
      readerSubscribers.remove(this);
    }

    private void offer(Map<String, Boolean> presence) {
      if (failed || !presence.equals(last)) {
        last = presence;
        failed = false;
        try {
          listener.readers(presence);
        } catch (RuntimeException e) {
          log.warn("card.watch.listener.failed reason={}", e.toString());
          close();
        }
      }
    }

    private void fail() {
      if (!failed) {
        failed = true;
        last = null;
        try {
          listener.unavailable();
        } catch (RuntimeException e) {
          log.warn("card.watch.listener.failed reason={}", e.toString());
          close();
        }
      }
    }
  }

  /**
   * Calls {@code listener} on the card thread with the readers' card presence now, then after each
   * change, until the subscription is closed.
   */
  public ReaderSubscription subscribeReaders(ReaderListener listener) {
    ReaderSubscription subscription = new ReaderSubscription(listener);
    readerSubscribers.add(subscription);
    refresh = true;
    start();
    return subscription;
  }

  /** Reads the statuses again at the next turn (a PIN try may have blocked the card). */
  void refresh() {
    refresh = true;
  }

  /** Subscribers right now, for tests and logs. */
  int subscribers() {
    return subscribers.size();
  }

  private synchronized void start() {
    if (!running && !stopped) {
      running = true;
      log.debug("card.watch.start");
      executor.execute(this::turn);
    }
  }

  /** One wait and its consequences, on the card thread; queues the next turn while needed. */
  private void turn() {
    synchronized (this) {
      if ((subscribers.isEmpty() && readerSubscribers.isEmpty()) || stopped) {
        running = false;
        log.debug("card.watch.stop");
        return;
      }
    }
    Duration delay = Duration.ZERO;
    try {
      boolean changed = waitForChange();
      if (!changed && noReaders) {
        delay = SLICE; // nothing to wait on: look again shortly, without holding the card thread
      }
      long now = System.nanoTime();
      if (!changed && !refresh && now - lastRead > RECHECK.toNanos()) {
        lastRead = now;
        changed = !inspector.presence().equals(presence); // a reader plugged or unplugged
      }
      if (changed || refresh) {
        refresh = false;
        lastRead = now;
        presence = inspector.presence();
        // CPS statuses talk to every card: only when someone watches them
        Map<String, CpxCardStatus> read = subscribers.isEmpty() ? Map.of() : inspector.statuses();
        if (!read.equals(statuses)) {
          log.info("card.watch.change statuses={}", read);
        }
        statuses = read;
      }
      publish();
    } catch (PcscContextLostException e) {
      statuses = Map.of();
      publishAll(CpxCardStatus.CpxReaderError);
      synchronized (this) {
        stopped = true;
        running = false;
      }
      onContextLost.accept(e.getMessage());
      return;
    } catch (RuntimeException e) {
      // PC/SC not running, no reader at all: report it, then look again a little later
      statuses = Map.of();
      presence = Map.of();
      refresh = true;
      publishAll(CpxCardStatus.CpxReaderError);
      log.debug("card.watch.unavailable reason={}", e.toString());
      delay = RECHECK;
    }
    if (delay.isZero()) {
      executor.execute(this::turn);
    } else {
      CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
          .execute(() -> executor.execute(this::turn));
    }
  }

  private boolean waitForChange() {
    CardTerminals terminals = inspector.terminals();
    noReaders = false;
    try {
      return terminals.waitForChange(SLICE.toMillis());
    } catch (javax.smartcardio.CardException e) {
      throw inspector.failure(e);
    } catch (IllegalStateException e) {
      noReaders = true; // the JDK's answer when no reader is connected
      return false;
    }
  }

  private void publish() {
    for (Subscription subscription : subscribers) {
      subscription.offer(statusFor(subscription.readerName));
    }
    for (ReaderSubscription subscription : readerSubscribers) {
      subscription.offer(presence);
    }
  }

  private void publishAll(CpxCardStatus status) {
    for (Subscription subscription : subscribers) {
      subscription.offer(status);
    }
    for (ReaderSubscription subscription : readerSubscribers) {
      subscription.fail();
    }
  }

  /**
   * The status of one reader; for "any reader", the first valid, blocked or expired card in
   * reader order, else an unknown card, else no card, else a reader error when there is no reader.
   */
  private CpxCardStatus statusFor(String readerName) {
    if (readerName != null) {
      return statuses.getOrDefault(readerName, CpxCardStatus.CpxReaderError);
    }
    if (statuses.isEmpty()) {
      return CpxCardStatus.CpxReaderError;
    }
    CpxCardStatus best = CpxCardStatus.NoCardInserted;
    for (CpxCardStatus status : statuses.values()) {
      switch (status) {
        case ValidCardInserted, CardIsBlocked, CardIsExpired -> {
          return status;
        }
        case UnknownCardInserted -> best = status;
        default -> {}
      }
    }
    return best;
  }

}
