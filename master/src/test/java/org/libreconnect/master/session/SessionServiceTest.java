package org.libreconnect.master.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.config.ConnectorConfig;
import org.libreconnect.config.Proxy;
import org.libreconnect.config.Server;
import org.libreconnect.config.ServerLimits;
import org.libreconnect.master.user.SessionUserCheck;
import org.libreconnect.master.user.SessionUserRefusedException;
import org.libreconnect.master.worker.FakeWorkers;
import org.libreconnect.master.worker.WorkerLostException;
import org.libreconnect.master.worker.WorkerPool;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.command.SessionCommands.OpenSessionInput;
import org.libreconnect.protocol.error.FunctionalException;
import org.libreconnect.protocol.error.InvalidSessionException;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SessionServiceTest {
  private static final String ORIGIN = "https://app.test";
  private final WireJson json = new WireJson();
  private final FakeWorkers workers = new FakeWorkers();
  private final SessionRegistry registry = new SessionRegistry();

  private SessionService service(int maxSessions, java.util.concurrent.Executor starter, Proxy proxy) {
    Server server =
        new Server("127.0.0.1", 0, "localhost.icanopee.net", 4, false, maxSessions, 0,
            1024 * 1024, 1024, 1024, 14, 50, List.of(), List.of(), ServerLimits.defaults());
    ConnectorConfig config = ConnectorConfig.defaults().withServer(server).withProxy(proxy);
    WorkerPool pool =
        new WorkerPool(workers, new WorkerPool.Limits(8, 0, Duration.ZERO, Duration.ZERO), starter);
    return new SessionService(registry, pool, json, config, Clock.systemUTC());
  }

  private SessionService service(int maxSessions, java.util.concurrent.Executor starter) {
    return service(maxSessions, starter, Proxy.none());
  }

  private static OpenSessionInput input(String app) {
    return new OpenSessionInput(3600, null, null, app, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  @Test
  void theSessionCapHoldsWhileWorkersAreStillStarting() {
    List<Runnable> neverStarted = new ArrayList<>();
    SessionService sessions = service(5, neverStarted::add);
    int refused = 0;
    for (int i = 0; i < 20; i++) {
      try {
        sessions.open(input("app"), ORIGIN);
      } catch (FunctionalException e) {
        assertThat(e).hasMessageContaining("maximum of 5 sessions").hasMessageContaining("server/max_sessions");
        refused++;
      }
    }
    assertThat(refused).isEqualTo(15);
    assertThat(sessions.slotsInUse()).isEqualTo(5);
  }

  @Test
  void parallelOpensCannotRacePastTheCap() throws Exception {
    SessionService sessions = service(5, task -> {});
    ExecutorService clients = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String app = "app-" + (i % 3);
      done.add(CompletableFuture.runAsync(() -> {
        try {
          go.await();
          sessions.open(input(app), ORIGIN);
          accepted.incrementAndGet();
        } catch (FunctionalException e) {
          refused.incrementAndGet();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }, clients));
    }
    go.countDown();
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    clients.shutdownNow();
    assertThat(accepted.get()).isEqualTo(5);
    assertThat(refused.get()).isEqualTo(95);
  }

  @Test
  void aSessionWhoseWorkerIsLostEndsAndItsNextCommandGetsTheReason() throws Exception {
    SessionService sessions = service(5, Runnable::run);
    String answer = sessions.open(input("app"), ORIGIN).get(5, TimeUnit.SECONDS);
    String id = json.readObject(answer).path("s_sessionId").asText();
    assertThat(registry.require(id, ORIGIN)).isNotNull();

    workers.processes.get(0).exit(137);

    assertThatThrownBy(() -> registry.require(id, ORIGIN))
        .isInstanceOf(WorkerLostException.class)
        .hasMessageContaining("SIGKILL")
        .hasMessageContaining("open a new session");
    assertThatThrownBy(() -> registry.require(id, "https://other.test"))
        .as("another origin learns nothing")
        .isInstanceOf(InvalidSessionException.class);
    assertThat(registry.size()).isZero();
    assertThat(sessions.slotsInUse()).as("the slot is free again").isZero();
  }

  @Test
  void theConfiguredProxyLoginIsNotHandedToPages() throws Exception {
    Proxy proxy = new Proxy(Optional.of("proxy.hospital.test"), OptionalInt.of(3128),
        Optional.of("svc-login"), Optional.of("secret"));
    SessionService sessions = service(5, Runnable::run, proxy);
    String answer = sessions.open(input("app"), ORIGIN).get(5, TimeUnit.SECONDS);
    assertThat(answer).contains("proxy.hospital.test").doesNotContain("svc-login").doesNotContain("secret");
  }

  @Test
  void aFailedOpenGivesItsSlotBack() {
    workers.failStarts = true;
    SessionService sessions = service(1, Runnable::run);
    CompletableFuture<String> failed = sessions.open(input("app"), ORIGIN);
    assertThat(failed).isCompletedExceptionally();
    assertThat(sessions.slotsInUse()).isZero();
  }

  @Test
  void aSessionNamingAUserItCannotProveIsRefusedOffTheCallersThreadAndFreesItsSlot() throws Exception {
    List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService checks = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("test-check").factory());
    try {
      Server server = new Server("127.0.0.1", 0, "localhost.icanopee.net", 4, false, 5, 0,
          1024 * 1024, 1024, 1024, 14, 50, List.of(), List.of(), ServerLimits.defaults());
      WorkerPool pool =
          new WorkerPool(workers, new WorkerPool.Limits(8, 0, Duration.ZERO, Duration.ZERO), Runnable::run);
      SessionService sessions = new SessionService(registry, pool, json,
          ConnectorConfig.defaults().withServer(server), Clock.systemUTC(), SessionUserCheck.system(),
          task -> checks.execute(() -> {
            threads.add(Thread.currentThread().getName());
            task.run();
          }));
      for (String user : List.of("root", "no-such-user-lc")) {
        OpenSessionInput named = new OpenSessionInput(3600, user, null, "app", null, null, null, null, null,
            null, null, null, null, null, null);
        // No connection to search the socket table for: "root" exists but cannot be proved.
        CompletableFuture<String> refused = sessions.open(named, ORIGIN, Optional.empty());
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> refused.get(10, TimeUnit.SECONDS));
        assertThat(failure).hasCauseInstanceOf(SessionUserRefusedException.class);
        assertThat(failure.getCause().getMessage()).doesNotContain(user);
      }
      assertThat(threads).containsOnly("test-check").hasSize(2);
      assertThat(workers.created).as("no worker for a refused user").isEmpty();
      assertThat(sessions.slotsInUse()).isZero();
    } finally {
      checks.shutdownNow();
    }
  }
}
