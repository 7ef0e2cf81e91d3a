package org.libreconnect.simulator.dmp.inject;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Transaction;

/**
 * Per-test error injection: force an error on the next calls of a transaction, slow answers down
 * (for client timeouts) and shift the simulator's clock (for the VIHF time window). Thread-safe.
 */
public final class FaultInjector {
  private final SimulatorClock clock;
  private final Map<Transaction, Deque<DmpException>> forced = new EnumMap<>(Transaction.class);
  private final Map<Transaction, Duration> delays = new EnumMap<>(Transaction.class);
  private Duration delayForAll = Duration.ZERO;

  /** An injector shifting {@code clock}. */
  public FaultInjector(SimulatorClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The next {@code times} calls of {@code transaction} answer {@code error}, default text. */
  public void failNext(Transaction transaction, int times, DmpError error) {
    failNext(transaction, times, error, error.text());
  }

  /** The next {@code times} calls of {@code transaction} answer {@code error} with {@code text}. */
  public synchronized void failNext(
      Transaction transaction, int times, DmpError error, String text) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, not " + times);
    }
    Deque<DmpException> queue =
        forced.computeIfAbsent(transaction, key -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(new DmpException(error, text));
    }
  }

  /** Every answer to {@code transaction} waits {@code delay} first (zero: no delay). */
  public synchronized void delay(Transaction transaction, Duration delay) {
    delays.put(transaction, requirePositive(delay));
  }

  /** Every answer waits {@code delay} first (zero: no delay), on top of per-transaction delays. */
  public synchronized void delayAll(Duration delay) {
    delayForAll = requirePositive(delay);
  }

  /** Shifts the simulator's clock by {@code offset} (positive: the DMP is ahead). */
  public void clockOffset(Duration offset) {
    clock.setOffset(offset);
  }

  /** Removes every forced error and delay and the clock offset. */
  public synchronized void clear() {
    forced.clear();
    delays.clear();
    delayForAll = Duration.ZERO;
    clock.setOffset(Duration.ZERO);
  }

  /** The forced error for this call of {@code transaction}, consuming it. */
  public synchronized Optional<DmpException> takeForcedError(Transaction transaction) {
    Deque<DmpException> queue = forced.get(transaction);
    return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
  }

  /** How long an answer to {@code transaction} waits. */
  public synchronized Duration delayFor(Transaction transaction) {
    return delayForAll.plus(delays.getOrDefault(transaction, Duration.ZERO));
  }

  private static Duration requirePositive(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("a delay cannot be negative");
    }
    return delay;
  }
}
