package org.libreconnect.master.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which worker serves which sessions. One worker per {@link WorkerKey}, at most {@link
 * Limits#maxWorkers()} at once (idle ones included): a worker slot is taken, atomically, before
 * any process starts, and a session that would need one more gets a {@link WorkerLimitException}.
 * A configurable number of idle workers is kept started so that opening a session does not wait
 * for a JVM; a worker whose last session ends is stopped.
 *
 * <p>Nothing here blocks: processes start on {@code starter} (a thread of their own, one at a
 * time, at most one per {@link Limits#minStartInterval()}), never on the caller's thread, which
 * may be a Netty event loop. The pool's lock only guards its maps.
 */
public final class WorkerPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  /** How long an application that found no idle worker raises the idle reserve. */
  static final Duration MISS_WINDOW = Duration.ofMinutes(10);
  /** Most idle workers added to the configured reserve while applications arrive in bursts. */
  static final int MAX_EXTRA_IDLE = 2;

  /**
   * @param maxWorkers most worker processes alive at once, idle ones included
   * @param idleTarget idle workers kept started
   * @param minStartInterval least time between two process starts
   * @param refillDelay how long after an idle worker is taken its replacement starts, so that
   *     the new JVM does not compete with the first command of the one just assigned
   */
  public record Limits(int maxWorkers, int idleTarget, Duration minStartInterval, Duration refillDelay) {
    public Limits {
      if (maxWorkers < 1) {
        throw new IllegalArgumentException("maxWorkers must be at least 1");
      }
      idleTarget = Math.min(Math.max(idleTarget, 0), maxWorkers);
    }
  }

  private final WorkerFactory factory;
  private final Limits limits;
  private final Executor starter;
  private final Map<WorkerKey, WorkerHandle> assigned = new HashMap<>();
  private final Deque<WorkerHandle> idle = new ArrayDeque<>();
  private final List<WorkerHandle> all = new ArrayList<>();
  private boolean closed;
  private boolean refillScheduled;
  private long lastStartNanos;
  private final Deque<Long> misses = new ArrayDeque<>();
  private final LongSupplier nanoClock;
  private volatile SessionTransfer transfer = (replaced, successor) -> CompletableFuture.completedFuture(null);

  /**
   * @param starter runs process starts, one at a time (a single dedicated thread in the master)
   */
  public WorkerPool(WorkerFactory factory, Limits limits, Executor starter) {
    this(factory, limits, starter, System::nanoTime);
  }

  WorkerPool(WorkerFactory factory, Limits limits, Executor starter, LongSupplier nanoClock) {
    this.factory = factory;
    this.limits = limits;
    this.starter = starter;
    this.nanoClock = nanoClock;
  }

  /** Who moves sessions into the successor of a replaced worker. */
  public void transferSessionsWith(SessionTransfer transfer) {
    this.transfer = transfer;
  }

  public Limits limits() {
    return limits;
  }

  /** Starts the idle workers (in the background). */
  public synchronized void start() {
    scheduleRefill(Duration.ZERO);
  }

  /**
   * The worker for {@code key}, with {@code sessionId} already counted as one of its sessions so
   * that a concurrent release cannot stop it. Never blocks; the future completes when the worker
   * is ready, or fails ({@link WorkerLimitException} at once when no slot is left).
   */
  public synchronized CompletableFuture<WorkerHandle> acquire(WorkerKey key, String sessionId) {
    if (closed) {
      return CompletableFuture.failedFuture(new WorkerLostException("The connector is stopping"));
    }
    WorkerHandle worker = assigned.get(key);
    if (worker == null || !worker.alive()) {
      // A pre-started worker runs as the connector's account: never one for another user.
      worker = key.runAs().isPresent() ? null : takeIdle();
      boolean fresh = worker == null;
      if (fresh) {
        if (key.runAs().isEmpty() && limits.idleTarget() > 0) {
          missed();
        }
        if (liveCount() >= limits.maxWorkers()) {
          log.warn("worker.limit max={} key=\"{}\"", limits.maxWorkers(), key);
          return CompletableFuture.failedFuture(new WorkerLimitException(limits.maxWorkers()));
        }
        try {
          worker = track(newWorker(key));
        } catch (WorkerLostException e) {
          return CompletableFuture.failedFuture(e);
        }
      }
      worker.assign(key);
      assigned.put(key, worker);
      worker.addSession(sessionId);
      log.info("worker.assign worker={} pid={} key=\"{}\"", worker.id(), worker.pid(), key);
      if (fresh) {
        startLater(worker);
      }
      scheduleRefill(limits.refillDelay());
      return worker.ready();
    }
    worker.addSession(sessionId);
    return worker.ready();
  }

  /** The session left its worker; a worker left with no session is stopped. */
  public synchronized void release(WorkerHandle worker, String sessionId) {
    if (worker.removeSession(sessionId)) {
      worker.key().ifPresent(key -> assigned.remove(key, worker));
      worker.shutdown("its last session ended", factory.stopGrace(worker, STOP_GRACE));
    }
  }

  /** Every worker the pool knows, for the status page. */
  public synchronized List<WorkerHandle> workers() {
    return List.copyOf(all);
  }

  /** Workers alive (starting or ready), idle ones included: what counts toward the limit. */
  public synchronized int liveCount() {
    int count = 0;
    for (WorkerHandle worker : all) {
      if (worker.alive()) {
        count++;
      }
    }
    return count;
  }

  /**
   * The idle workers to keep now: the configured reserve, plus one for each application that
   * found no idle worker in the last {@link #MISS_WINDOW} (at most {@link #MAX_EXTRA_IDLE}), so
   * that applications arriving in bursts (a terminal server at the start of a shift) wait less
   * for a JVM. None when the configuration asks for none.
   */
  synchronized int idleTarget() {
    if (limits.idleTarget() == 0) {
      return 0;
    }
    long now = nanoClock.getAsLong();
    while (!misses.isEmpty() && now - misses.peekFirst() > MISS_WINDOW.toNanos()) {
      misses.pollFirst();
    }
    return Math.min(limits.maxWorkers(), limits.idleTarget() + Math.min(MAX_EXTRA_IDLE, misses.size()));
  }

  private void missed() {
    misses.addLast(nanoClock.getAsLong());
    log.info("worker.prestart.missed idleTarget={}", idleTarget());
  }

  private WorkerHandle takeIdle() {
    while (!idle.isEmpty()) {
      WorkerHandle candidate = idle.pollFirst();
      if (candidate.alive()) {
        return candidate;
      }
    }
    return null;
  }

  private void scheduleRefill(Duration delay) {
    if (closed || refillScheduled || limits.idleTarget() == 0) {
      return;
    }
    refillScheduled = true;
    Executor later =
        delay.isZero() ? starter : CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, starter);
    later.execute(this::refill);
  }

  /** Runs on the starter: tops the idle reserve up, within the limit. */
  private void refill() {
    List<WorkerHandle> created = new ArrayList<>();
    synchronized (this) {
      refillScheduled = false;
      idle.removeIf(worker -> !worker.alive());
      int target = idleTarget();
      while (!closed
          && idle.size() < target
          && liveCount() < limits.maxWorkers()) {
        WorkerHandle worker = track(factory.create());
        idle.addLast(worker);
        created.add(worker);
      }
    }
    created.forEach(this::startNow);
  }

  /** Queues the start of {@code worker}'s process on the starter. */
  private WorkerHandle startLater(WorkerHandle worker) {
    starter.execute(() -> startNow(worker));
    return worker;
  }

  /** Starts {@code worker}'s process, on the starter thread, no sooner than the start interval. */
  private void startNow(WorkerHandle worker) {
    if (worker.state() != WorkerHandle.State.STARTING) {
      return; // stopped before its turn came
    }
    long waitNanos = lastStartNanos + limits.minStartInterval().toNanos() - System.nanoTime();
    if (lastStartNanos != 0 && waitNanos > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(waitNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        worker.markGone("the connector is stopping");
        return;
      }
    }
    lastStartNanos = System.nanoTime();
    try {
      factory.start(worker);
    } catch (RuntimeException e) {
      log.error("worker.start.failed worker={} error=\"{}\"", worker.id(), e.getMessage());
      worker.markGone("its process could not be started (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** A new, not started worker for {@code key}: as its OS account when it names one. */
  private WorkerHandle newWorker(WorkerKey key) {
    return key.runAs().map(factory::createFor).orElseGet(factory::create);
  }

  private WorkerHandle track(WorkerHandle worker) {
    all.add(worker);
    worker.replaceWith(this::replace);
    worker.gone().thenAccept(this::forget);
    return worker;
  }

  /**
   * Starts (or takes an idle) successor for {@code replaced}, with its key and sessions; completes
   * once it is ready and the sessions are open in it. A successor takes the place of the worker
   * it replaces, so it is not refused by the limit.
   */
  private synchronized CompletableFuture<WorkerHandle> replace(WorkerHandle replaced) {
    if (closed || replaced.key().isEmpty()) {
      return CompletableFuture.failedFuture(
          new WorkerLostException("The connector is stopping, or the worker served no application"));
    }
    WorkerKey key = replaced.key().get();
    WorkerHandle successor = key.runAs().isPresent() ? null : takeIdle();
    boolean fresh = successor == null;
    if (fresh) {
      try {
        successor = track(newWorker(key));
      } catch (WorkerLostException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    successor.assign(key);
    assigned.put(key, successor);
    replaced.sessions().forEach(successor::addSession);
    if (fresh) {
      startLater(successor);
    }
    log.info("worker.replace worker={} successor={} key=\"{}\"", replaced.id(), successor.id(), key);
    scheduleRefill(limits.refillDelay());
    WorkerHandle next = successor;
    return next.ready()
        .copy()
        .orTimeout(WorkerHandle.SUCCESSOR_WAIT.toMillis(), TimeUnit.MILLISECONDS)
        .thenCompose(ready -> transfer.transfer(replaced, ready))
        .thenApply(done -> next);
  }

  private synchronized void forget(WorkerHandle worker) {
    all.remove(worker);
    idle.remove(worker);
    worker.key().ifPresent(key -> assigned.remove(key, worker));
    if (!closed && worker.key().isEmpty()) {
      // An idle worker died (or failed to start): keep the reserve, but do not spin on a
      // worker that cannot start at all.
      if (worker.startedAt().plusSeconds(5).isBefore(Instant.now())) {
        scheduleRefill(Duration.ZERO);
      } else {
        log.error("worker.prestart.died worker={} reason=\"{}\" logs={}", worker.id(),
            worker.goneReason(), worker.logDirectory());
      }
    }
  }

  /** Stops every worker. */
  @Override
  public void close() {
    List<WorkerHandle> workers;
    synchronized (this) {
      closed = true;
      workers = List.copyOf(all);
    }
    Map<WorkerHandle, Duration> graces = new LinkedHashMap<>();
    workers.forEach(worker -> graces.put(worker, factory.stopGrace(worker, STOP_GRACE)));
    graces.forEach((worker, grace) -> worker.shutdown("the master is stopping", grace));
    Duration longest = STOP_GRACE;
    for (Map.Entry<WorkerHandle, Duration> entry : graces.entrySet()) {
      WorkerHandle worker = entry.getKey();
      Duration grace = entry.getValue();
      longest = grace.compareTo(longest) > 0 ? grace : longest;
      try {
        worker.gone().get(grace.plusSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        Process process = worker.process();
        if (process != null) {
          process.destroyForcibly();
        }
      }
    }
    // a worker is gone once its link closed; its process may still be writing its class data
    factory.awaitExits(longest.plusSeconds(2));
  }
}
