package org.libreconnect.master.worker;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which worker serves which sessions. One worker per {@link WorkerKey}; a configurable number of
 * idle workers is kept started so that opening a session does not wait for a JVM; a worker
 * whose last session ends is stopped.
 */
public final class WorkerPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final Supplier<WorkerHandle> launcher;
  private final int idleTarget;
  private final Map<WorkerKey, WorkerHandle> assigned = new HashMap<>();
  private final Deque<WorkerHandle> idle = new ArrayDeque<>();
  private final List<WorkerHandle> all = new ArrayList<>();
  private boolean closed;
  private volatile SessionTransfer transfer = (replaced, successor) -> CompletableFuture.completedFuture(null);

  public WorkerPool(Supplier<WorkerHandle> launcher, int idleTarget) {
    this.launcher = launcher;
    this.idleTarget = idleTarget;
  }

  /** Who moves sessions into the successor of a replaced worker. */
  public void transferSessionsWith(SessionTransfer transfer) {
    this.transfer = transfer;
  }

  /** Starts the idle workers. */
  public synchronized void start() {
    replenish();
  }

  /**
   * The worker for {@code key}, with {@code sessionId} already counted as one of its sessions so
   * that a concurrent release cannot stop it.
   */
  public synchronized CompletableFuture<WorkerHandle> acquire(WorkerKey key, String sessionId) {
    if (closed) {
      return CompletableFuture.failedFuture(new WorkerLostException("The connector is stopping"));
    }
    WorkerHandle worker = key.shared() ? assigned.get(key) : null;
    if (worker == null || !worker.alive()) {
      worker = takeIdle();
      if (worker == null) {
        worker = track(launcher.get());
      }
      worker.assign(key);
      assigned.put(key, worker);
      log.info("worker.assign worker={} pid={} key=\"{}\"", worker.id(), worker.pid(), key);
      replenish();
    }
    worker.addSession(sessionId);
    return worker.ready();
  }

  /** The session left its worker; a worker left with no session is stopped. */
  public synchronized void release(WorkerHandle worker, String sessionId) {
    if (worker.removeSession(sessionId)) {
      worker.key().ifPresent(key -> assigned.remove(key, worker));
      worker.shutdown("its last session ended", STOP_GRACE);
    }
  }

  /** Every worker the pool knows, for the status page. */
  public synchronized List<WorkerHandle> workers() {
    return List.copyOf(all);
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

  private void replenish() {
    idle.removeIf(worker -> !worker.alive());
    while (!closed && idle.size() < idleTarget) {
      try {
        idle.addLast(track(launcher.get()));
      } catch (RuntimeException e) {
        log.error("worker.prestart.failed error=\"{}\"", e.getMessage());
        return;
      }
    }
  }

  private WorkerHandle track(WorkerHandle worker) {
    all.add(worker);
    worker.replaceWith(this::replace);
    worker.gone().thenAccept(this::forget);
    return worker;
  }

  /**
   * Starts (or takes an idle) successor for {@code replaced}, with its key and sessions; completes
   * once it is ready and the sessions are open in it.
   */
  private synchronized CompletableFuture<WorkerHandle> replace(WorkerHandle replaced) {
    if (closed || replaced.key().isEmpty()) {
      return CompletableFuture.failedFuture(
          new WorkerLostException("The connector is stopping, or the worker served no application"));
    }
    WorkerKey key = replaced.key().get();
    WorkerHandle successor = takeIdle();
    if (successor == null) {
      successor = track(launcher.get());
    }
    successor.assign(key);
    assigned.put(key, successor);
    replaced.sessions().forEach(successor::addSession);
    log.info("worker.replace worker={} successor={} pid={} key=\"{}\"", replaced.id(),
        successor.id(), successor.pid(), key);
    replenish();
    WorkerHandle next = successor;
    return next.ready()
        .copy()
        .orTimeout(WorkerHandle.SUCCESSOR_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
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
      if (worker.startedAt().plusSeconds(5).isBefore(java.time.Instant.now())) {
        replenish();
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
    workers.forEach(worker -> worker.shutdown("the master is stopping", STOP_GRACE));
    for (WorkerHandle worker : workers) {
      try {
        worker.gone().get(STOP_GRACE.plusSeconds(2).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        worker.process().destroyForcibly();
      }
    }
  }
}
