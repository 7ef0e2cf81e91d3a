package org.libreconnect.master.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.master.user.OsAccount;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WorkerPoolTest {
  private final FakeWorkers workers = new FakeWorkers();
  private final List<Runnable> queued = new ArrayList<>();
  private final ExecutorService starter =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("test-starter").factory());

  @AfterEach
  void stop() {
    starter.shutdownNow();
  }

  private WorkerPool pool(int maxWorkers, int idle, java.util.concurrent.Executor executor) {
    return new WorkerPool(
        workers, new WorkerPool.Limits(maxWorkers, idle, Duration.ZERO, Duration.ZERO), executor);
  }

  @Test
  void acquiringNeverStartsAProcessOnTheCallersThread() {
    WorkerPool pool = pool(4, 0, queued::add);
    CompletableFuture<WorkerHandle> ready = pool.acquire(key("a"), "s-1");
    assertThat(workers.created).hasSize(1);
    assertThat(workers.startThreads).as("nothing started yet").isEmpty();
    assertThat(ready).isNotDone();
    queued.forEach(Runnable::run);
    assertThat(ready).isCompleted();
  }

  @Test
  void processesStartOnTheStarterThread() throws Exception {
    WorkerPool pool = pool(4, 1, starter);
    pool.start();
    pool.acquire(key("a"), "s-1").get(5, TimeUnit.SECONDS);
    assertThat(workers.startThreads).isNotEmpty().allMatch("test-starter"::equals);
  }

  @Test
  void aWorkerPastTheLimitIsRefusedAtOnceWithAClearError() {
    WorkerPool pool = pool(2, 0, Runnable::run);
    assertThat(pool.acquire(key("a"), "s-1")).isCompleted();
    assertThat(pool.acquire(key("b"), "s-2")).isCompleted();
    CompletableFuture<WorkerHandle> third = pool.acquire(key("c"), "s-3");
    assertThat(third).isCompletedExceptionally();
    assertThat(third.exceptionNow())
        .isInstanceOf(WorkerLimitException.class)
        .hasMessageContaining("maximum of 2 worker processes")
        .hasMessageContaining("server/max_workers");
    assertThat(workers.created).hasSize(2);
    assertThat(pool.acquire(key("a"), "s-4")).as("a known application still joins").isCompleted();
  }

  @Test
  void parallelAcquiresOfDistinctApplicationsStopAtTheLimit() throws Exception {
    WorkerPool pool = pool(8, 1, starter);
    pool.start();
    int callers = 40;
    ExecutorService clients = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<CompletableFuture<WorkerHandle>>> results = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      String app = "app-" + i;
      results.add(CompletableFuture.supplyAsync(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        return pool.acquire(key(app), "s-" + app);
      }, clients));
    }
    go.countDown();
    int granted = 0;
    int refused = 0;
    for (var result : results) {
      CompletableFuture<WorkerHandle> worker = result.get(5, TimeUnit.SECONDS);
      try {
        worker.get(5, TimeUnit.SECONDS);
        granted++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(WorkerLimitException.class);
        refused++;
      }
    }
    clients.shutdownNow();
    assertThat(granted).isEqualTo(8);
    assertThat(refused).isEqualTo(callers - 8);
    assertThat(pool.liveCount()).isEqualTo(8);
  }

  @Test
  void applicationsThatFindNoIdleWorkerRaiseTheReserveForAWhile() {
    long[] now = {0};
    WorkerPool pool = new WorkerPool(
        workers, new WorkerPool.Limits(8, 1, Duration.ZERO, Duration.ZERO), queued::add, () -> now[0]);
    pool.start();
    runQueued();
    assertThat(workers.created).hasSize(1);
    assertThat(pool.idleTarget()).isEqualTo(1);

    pool.acquire(key("a"), "s-1"); // takes the idle worker; its replacement is queued
    pool.acquire(key("b"), "s-2"); // finds none: started on demand
    assertThat(pool.idleTarget()).as("one miss").isEqualTo(2);
    runQueued();
    assertThat(workers.created).as("b's worker, then two idle ones").hasSize(4);

    for (int i = 0; i < 5; i++) {
      pool.acquire(key("burst-" + i), "s-" + i);
      pool.acquire(key("burst-" + i + "-too"), "t-" + i);
    }
    assertThat(pool.idleTarget()).as("at most " + WorkerPool.MAX_EXTRA_IDLE + " more").isEqualTo(1 + WorkerPool.MAX_EXTRA_IDLE);

    now[0] += WorkerPool.MISS_WINDOW.toNanos() + 1;
    assertThat(pool.idleTarget()).as("back to the configured reserve").isEqualTo(1);
  }

  @Test
  void noReserveConfiguredMeansNoneEvenAfterMisses() {
    WorkerPool pool = pool(8, 0, queued::add);
    pool.acquire(key("a"), "s-1");
    pool.acquire(key("b"), "s-2");
    assertThat(pool.idleTarget()).isZero();
  }

  @Test
  void aClosingPoolWaitsForTheExitsOfItsWorkersAsLongAsTheLongestGrace() throws Exception {
    WorkerPool pool = pool(4, 1, Runnable::run);
    pool.start();
    workers.graces.put(workers.created.get(0).id(), Duration.ofSeconds(15));
    // the worker exits when asked, as a real one does
    Thread.ofVirtual().start(() -> {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
      workers.processes.get(0).exit(0);
    });

    pool.close();

    assertThat(workers.awaitedExits).as("the trainer's grace and a margin").isEqualTo(Duration.ofSeconds(17));
  }

  private void runQueued() {
    while (!queued.isEmpty()) {
      queued.remove(0).run();
    }
  }

  @Test
  void theIdleReserveCountsTowardTheLimitAndIsUsedFirst() throws Exception {
    WorkerPool pool = pool(2, 1, Runnable::run);
    pool.start();
    assertThat(workers.created).hasSize(1);
    WorkerHandle first = pool.acquire(key("a"), "s-1").get();
    assertThat(first).isSameAs(workers.created.get(0));
    assertThat(workers.created).as("refilled").hasSize(2);
    pool.acquire(key("b"), "s-2").get();
    assertThat(workers.created).as("the refill took the last slot: no third").hasSize(2);
    assertThat(pool.acquire(key("c"), "s-3")).isCompletedExceptionally();
  }

  @Test
  void aWorkerWhoseLastSessionEndsIsStoppedAndFreesItsSlot() throws Exception {
    WorkerPool pool = pool(1, 0, Runnable::run);
    WorkerHandle worker = pool.acquire(key("a"), "s-1").get();
    pool.release(worker, "s-1");
    workers.processes.get(0).exit(0);
    assertThat(worker.state()).isEqualTo(WorkerHandle.State.GONE);
    assertThat(pool.acquire(key("b"), "s-2").get()).isNotSameAs(worker);
  }

  @Test
  void aProcessThatCannotStartFailsItsSessionsClearly() {
    workers.failStarts = true;
    WorkerPool pool = pool(2, 0, Runnable::run);
    CompletableFuture<WorkerHandle> ready = pool.acquire(key("a"), "s-1");
    assertThat(ready).isCompletedExceptionally();
    assertThat(ready.exceptionNow())
        .isInstanceOf(WorkerLostException.class)
        .hasMessageContaining("No worker process could be started");
    assertThat(pool.liveCount()).isZero();
  }

  @Test
  void startsAreSpacedByTheMinimumInterval() throws Exception {
    WorkerPool pool =
        new WorkerPool(workers, new WorkerPool.Limits(4, 0, Duration.ofMillis(200), Duration.ZERO), starter);
    long begin = System.nanoTime();
    CompletableFuture<?> a = pool.acquire(key("a"), "s-1");
    CompletableFuture<?> b = pool.acquire(key("b"), "s-2");
    CompletableFuture<?> c = pool.acquire(key("c"), "s-3");
    CompletableFuture.allOf(a, b, c).get(5, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  private static WorkerKey key(String app) {
    return WorkerKey.of("https://a.test", app, null, null);
  }

  @Test
  void aUsersWorkerIsNeverAPrestartedOneNorSharedWithAnotherUser() throws Exception {
    workers.usersAllowed = true;
    WorkerPool pool = pool(8, 1, starter);
    pool.start();
    OsAccount alice = new OsAccount("alice", 1001, 1001, Path.of("/home/alice"));
    OsAccount bob = new OsAccount("bob", 1002, 1002, Path.of("/home/bob"));
    awaitCreated(1); // the idle worker, of the connector's own account
    WorkerHandle idle = workers.created.get(0);
    WorkerHandle aliceWorker = pool.acquire(userKey("alice", alice), "s-1").get(5, TimeUnit.SECONDS);
    WorkerHandle bobWorker = pool.acquire(userKey("bob", bob), "s-2").get(5, TimeUnit.SECONDS);
    assertThat(aliceWorker).isNotSameAs(idle).isNotSameAs(bobWorker);
    assertThat(bobWorker).isNotSameAs(idle);
    assertThat(workers.accounts).containsExactly(alice, bob);
    assertThat(pool.acquire(userKey("alice", alice), "s-3").get(5, TimeUnit.SECONDS))
        .as("alice's second session joins her worker").isSameAs(aliceWorker);
    assertThat(pool.acquire(key("app"), "s-4").get(5, TimeUnit.SECONDS))
        .as("a session without a user takes the idle worker").isSameAs(idle);
  }

  @Test
  void aFactoryThatCannotSwitchUsersRefusesAUsersWorker() {
    WorkerPool pool = pool(8, 0, Runnable::run);
    OsAccount alice = new OsAccount("alice", 1001, 1001, Path.of("/home/alice"));
    CompletableFuture<WorkerHandle> refused = pool.acquire(userKey("alice", alice), "s-1");
    assertThat(refused).isCompletedExceptionally();
    assertThat(refused.exceptionNow()).isInstanceOf(WorkerLostException.class)
        .hasMessageContaining("another user");
    assertThat(pool.liveCount()).isZero();
  }

  private void awaitCreated(int count) throws InterruptedException {
    for (int i = 0; i < 100 && workers.processes.size() < count; i++) {
      Thread.sleep(20);
    }
    assertThat(workers.processes).hasSize(count);
  }

  private static WorkerKey userKey(String user, OsAccount account) {
    return WorkerKey.of("https://a.test", "app", user, null, account);
  }
}
