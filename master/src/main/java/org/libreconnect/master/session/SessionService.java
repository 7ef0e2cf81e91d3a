package org.libreconnect.master.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.libreconnect.config.BuildFlavour;
import org.libreconnect.config.ConnectorConfig;
import org.libreconnect.master.user.ClientConnection;
import org.libreconnect.master.user.OsAccount;
import org.libreconnect.master.user.SessionUserCheck;
import org.libreconnect.master.user.SessionUserRefusedException;
import org.libreconnect.master.worker.WorkerHandle;
import org.libreconnect.master.worker.WorkerKey;
import org.libreconnect.master.worker.WorkerLostException;
import org.libreconnect.master.worker.WorkerPool;
import org.libreconnect.master.worker.WorkerTimeoutException;
import org.libreconnect.protocol.command.AnswerBudgets;
import org.libreconnect.protocol.ProductVersion;
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.protocol.Status;
import org.libreconnect.protocol.Wire;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.command.SessionCommands.OpenSessionAnswer;
import org.libreconnect.protocol.command.SessionCommands.OpenSessionInput;
import org.libreconnect.protocol.error.FunctionalException;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.error.TechnicalException;
import org.libreconnect.protocol.link.LinkMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens, closes and expires sessions, and binds each to its worker process. */
public final class SessionService {
  private static final Logger log = LoggerFactory.getLogger(SessionService.class);

  /** The JS2 wrapper's default idle timeout. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 3600;

  private static final long MAX_TIMEOUT_SECONDS = Duration.ofDays(3650).toSeconds();

  /** Deadline of the master's own calls to a worker (open, close, move a session). */
  static final Duration LINK_CALL_DEADLINE = Duration.ofSeconds(10);

  /** How long opening a session may take in all (the wrapper gives hl_openSession 30 s). */
  static final Duration OPEN_DEADLINE =
      AnswerBudgets.masterDeadline(AnswerBudgets.of("hl_openSession").orElseThrow());

  private final SessionRegistry registry;
  private final WorkerPool pool;
  private final WireJson json;
  private final ConnectorConfig config;
  private final Clock clock;
  /** Sessions open or being opened: taken before anything starts, so that the cap holds. */
  private final AtomicInteger slots = new AtomicInteger();

  /** Checks the user a session names (terminal servers), off the event loop. */
  private final SessionUserCheck users;
  private final Executor userChecks;

  public SessionService(
      SessionRegistry registry, WorkerPool pool, WireJson json, ConnectorConfig config, Clock clock) {
    this(registry, pool, json, config, clock, SessionUserCheck.system(), ForkJoinPool.commonPool());
  }

  /**
   * @param users checks that a session's {@code s_userName} owns its connection
   * @param userChecks runs those checks: they block (name service, socket table)
   */
  public SessionService(
      SessionRegistry registry,
      WorkerPool pool,
      WireJson json,
      ConnectorConfig config,
      Clock clock,
      SessionUserCheck users,
      Executor userChecks) {
    this.users = users;
    this.userChecks = userChecks;
    this.registry = registry;
    this.pool = pool;
    this.json = json;
    this.config = config;
    this.clock = clock;
    pool.transferSessionsWith(this::transfer);
  }

  /**
   * Opens in {@code successor} the sessions that lived in {@code replaced} (its PC/SC context
   * died), under the same ids, and moves them there. What they held in the old process (session
   * data, the chosen card) is lost; persistent data is on disk and stays.
   */
  CompletableFuture<Void> transfer(WorkerHandle replaced, WorkerHandle successor) {
    List<CompletableFuture<Void>> moves = new ArrayList<>();
    Set<String> moved = new HashSet<>();
    for (Session session : registry.all()) {
      if (session.worker() != replaced) {
        continue;
      }
      moved.add(session.id());
      String opened =
          json.write(
              new LinkMessages.SessionOpened(
                  session.id(), session.applicationId(), session.userName(),
                  session.domainName(), session.origin()));
      moves.add(
          successor
              .call(session.id(), opened, LINK_CALL_DEADLINE)
              .handle(
                  (reply, failure) -> {
                    if (failure == null && isOk(reply)) {
                      session.replaceWorker(replaced, successor);
                      watch(session, successor);
                      log.info("session.moved session={} worker={} pid={}",
                          SessionIds.shortForm(session.id()), successor.id(), successor.pid());
                    } else {
                      log.warn("session.move.failed session={} reason=\"{}\"",
                          SessionIds.shortForm(session.id()),
                          failure == null ? "the worker refused it" : failure.toString());
                      lost(session, replaced,
                          "The worker process serving this session was replaced and the session"
                              + " could not be moved to its successor; open a new session.");
                    }
                    return null;
                  }));
    }
    for (String id : replaced.sessions()) {
      if (!moved.contains(id)) {
        pool.release(successor, id); // ended while the successor was starting
      }
    }
    return CompletableFuture.allOf(moves.toArray(CompletableFuture[]::new));
  }

  /**
   * {@code hl_openSession}: completes with the answer text. Never blocks: the session slot is
   * taken at once (refused past {@code server/max_sessions}), the worker comes from the pool
   * (refused past {@code server/max_workers}), and the whole open has a deadline.
   */
  public CompletableFuture<String> open(OpenSessionInput input, String origin) {
    return open(input, origin, Optional.empty());
  }

  /**
   * {@code hl_openSession} from {@code connection}. A session that names a user
   * ({@code s_userName}, terminal servers) is opened only when that OS account owns the
   * connection, and its worker runs as that account (docs/adr/0026); the check runs on
   * {@code userChecks}, never on the caller's thread.
   */
  public CompletableFuture<String> open(
      OpenSessionInput input, String origin, Optional<ClientConnection> connection) {
    Duration timeout = timeoutOf(input);
    Session.ProxyOverride proxy = proxyOverride(input);
    int max = config.server().maxSessions();
    if (slots.incrementAndGet() > max) {
      slots.decrementAndGet();
      log.warn("session.limit max={}", max);
      throw new FunctionalException(
          "The connector already holds its maximum of " + max
              + " sessions (server/max_sessions); close one first");
    }
    Opening opening = new Opening();
    try {
      String sessionId = UUID.randomUUID().toString();
      Instant now = clock.instant();
      CompletableFuture.delayedExecutor(OPEN_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .execute(() -> opening.timeOut(WorkerTimeoutException.notReady(OPEN_DEADLINE)));
      accountFor(input, connection)
          .thenCompose(
              account -> {
                if (opening.result.isDone()) {
                  return CompletableFuture.failedFuture(WorkerTimeoutException.notReady(OPEN_DEADLINE));
                }
                WorkerKey key =
                    WorkerKey.of(origin, input.applicationId(), input.userName(), input.domainName(),
                        account.orElse(null));
                return pool.acquire(key, sessionId);
              })
          .whenComplete(
              (worker, failure) -> {
                if (failure != null) {
                  opening.fail(failure);
                  return;
                }
                if (opening.result.isDone()) {
                  pool.release(worker, sessionId); // the deadline passed while the worker started
                  return;
                }
                Session session =
                    new Session(
                        sessionId, input.applicationId(), input.userName(), input.domainName(),
                        origin, now, timeout, worker, proxy);
                String opened =
                    json.write(
                        new LinkMessages.SessionOpened(
                            sessionId, input.applicationId(), input.userName(),
                            input.domainName(), origin));
                worker
                    .call(sessionId, opened, LINK_CALL_DEADLINE)
                    .whenComplete((reply, callFailure) -> opening.answered(session, reply, callFailure));
              });
    } catch (RuntimeException e) {
      opening.fail(e);
    }
    return opening.result;
  }

  /**
   * The OS account of the user the session names, checked against its connection on
   * {@code userChecks}; empty at once when it names none.
   */
  private CompletableFuture<Optional<OsAccount>> accountFor(
      OpenSessionInput input, Optional<ClientConnection> connection) {
    if (blank(input.userName())) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            OsAccount account = users.resolve(input.userName(), input.domainName(), connection);
            log.info("session.user uid={}", account.uid());
            return Optional.of(account);
          } catch (SessionUserRefusedException e) {
            log.warn("session.user.refused reason=\"{}\"", e.verdict().reason());
            throw e;
          } catch (java.io.IOException e) {
            log.warn("session.user.failed error=\"{}\"", e.toString());
            throw new TechnicalException(
                "The user of the connection could not be checked; try again in a moment", "", e);
          }
        },
        userChecks);
  }

  /** One hl_openSession in progress: it settles once, by success, failure or deadline. */
  private final class Opening {
    final CompletableFuture<String> result = new CompletableFuture<>();
    private final AtomicBoolean settled = new AtomicBoolean();

    void fail(Throwable failure) {
      if (settled.compareAndSet(false, true)) {
        slots.decrementAndGet();
        result.completeExceptionally(failure);
      }
    }

    void timeOut(Throwable failure) {
      if (!settled.get()) {
        log.warn("session.open.timeout deadline={}ms", OPEN_DEADLINE.toMillis());
      }
      fail(failure);
    }

    void answered(Session session, String reply, Throwable failure) {
      WorkerHandle worker = session.worker();
      if (failure != null || !isOk(reply)) {
        pool.release(worker, session.id());
        if (failure != null) {
          fail(failure);
        } else if (settled.compareAndSet(false, true)) {
          slots.decrementAndGet();
          result.complete(reply);
        }
        return;
      }
      if (!settled.compareAndSet(false, true)) {
        // The deadline passed while the worker opened it: it never existed for the client.
        String close = json.write(new LinkMessages.Bare(LinkMessages.CLOSE_SESSION));
        worker
            .call(session.id(), close, LINK_CALL_DEADLINE)
            .whenComplete((ignored, error) -> pool.release(worker, session.id()));
        return;
      }
      session.touch(clock.instant()); // idle from now on, not from when the worker started
      registry.add(session);
      watch(session, worker);
      log.info("session.open session={} app={} worker={} timeout={}s",
          SessionIds.shortForm(session.id()), session.applicationId(), worker.pid(),
          session.idleTimeout().toSeconds());
      result.complete(json.ok(answerFor(session)));
    }
  }

  /** Ends the session, with a tombstone, if {@code worker} is lost while it serves it. */
  private void watch(Session session, WorkerHandle worker) {
    worker
        .gone()
        .thenAccept(
            gone -> {
              if (session.worker() == gone && !gone.replaced()) {
                lost(session, gone, gone.lostException().getMessage());
              }
            });
  }

  /** The session's worker is lost: forget the session, and keep why for its next command. */
  private void lost(Session session, WorkerHandle worker, String reason) {
    if (registry.bury(session, reason)) {
      slots.decrementAndGet();
      log.warn("session.lost session={} reason=\"{}\"", SessionIds.shortForm(session.id()), reason);
      pool.release(worker, session.id());
    }
  }

  /** Sessions open or being opened: what counts toward {@code server/max_sessions}. */
  public int slotsInUse() {
    return slots.get();
  }

  private OpenSessionAnswer answerFor(Session session) {
    String proxyServer = null;
    Integer proxyPort = null;
    String proxyLogin = null;
    String proxyPass = null;
    if (session.proxy() != null) {
      proxyServer = session.proxy().server();
      proxyPort = session.proxy().port();
      proxyLogin = session.proxy().login();
      // Echo only what the page itself sent: the global proxy password stays in the config.
      proxyPass = session.proxy().password();
    } else if (config.proxy().configured()) {
      // The configured proxy's address only: its login and password stay in the configuration.
      proxyServer = config.proxy().server().orElse(null);
      proxyPort = config.proxy().port().isPresent() ? config.proxy().port().getAsInt() : null;
    }
    String ntpServer = config.ntp().server().orElse(null);
    Integer ntpPort = ntpServer == null ? null : config.ntp().port();
    return new OpenSessionAnswer(
        session.id(),
        ProductVersion.current(),
        // 1 only for the production build outside simulation mode (docs/install.md).
        BuildFlavour.current().isProduction() && !config.simulation().enabled() ? 1 : 0,
        proxyServer,
        proxyPort,
        proxyLogin,
        proxyPass,
        ntpServer,
        ntpPort);
  }

  /** Whether {@code sessionId} names a session open for {@code origin} (the id is never logged). */
  public boolean exists(String sessionId, String origin) {
    if (sessionId == null) {
      return false;
    }
    try {
      registry.require(sessionId, origin);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** {@code hl_closeSession}: completes with the answer text once the worker has let go. */
  public CompletableFuture<String> close(String sessionId, String origin) {
    Session session;
    try {
      session = registry.require(sessionId, origin);
    } catch (WorkerLostException lost) {
      // It already ended with its worker: closing it is what the client wants, and done.
      return CompletableFuture.completedFuture(json.ok(null));
    }
    return end(session, "closed by the client").thenApply(done -> json.ok(null));
  }

  /**
   * Ends a session: forgets it, tells its worker (if alive) and releases the worker. Completes
   * when the worker acknowledged or could not.
   */
  public CompletableFuture<Void> end(Session session, String reason) {
    if (!registry.remove(session)) {
      return CompletableFuture.completedFuture(null);
    }
    slots.decrementAndGet();
    log.info("session.close session={} reason=\"{}\"", SessionIds.shortForm(session.id()), reason);
    WorkerHandle worker = session.worker();
    if (!worker.alive()) {
      pool.release(worker, session.id());
      return CompletableFuture.completedFuture(null);
    }
    String payload = json.write(new LinkMessages.Bare(LinkMessages.CLOSE_SESSION));
    return worker
        .call(session.id(), payload, LINK_CALL_DEADLINE)
        .handle((reply, failure) -> null)
        .thenRun(() -> pool.release(worker, session.id()));
  }

  /** Ends the sessions idle for longer than their timeout. */
  public void expireIdle() {
    Instant now = clock.instant();
    for (Session session : registry.all()) {
      if (session.idleAt(now)) {
        end(session, "idle for " + session.idleTimeout().toSeconds() + " s");
      }
    }
  }

  private static Duration timeoutOf(OpenSessionInput input) {
    Integer seconds = input.timeoutInSeconds();
    if (seconds == null) {
      return Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    }
    if (seconds < 1) {
      throw new InvalidParameterException("i_timeoutInSeconds", "must be at least 1");
    }
    return Duration.ofSeconds(Math.min(seconds, MAX_TIMEOUT_SECONDS));
  }

  private static Session.ProxyOverride proxyOverride(OpenSessionInput input) {
    // The JS2 wrapper forwards a session proxy only when all four values are given.
    if (blank(input.proxyIpOrUrl()) || input.proxyPort() == null) {
      return null;
    }
    if (input.proxyPort() < 1 || input.proxyPort() > 65535) {
      throw new InvalidParameterException("i_proxyPort", "must be a port number (1-65535)");
    }
    return new Session.ProxyOverride(
        input.proxyIpOrUrl(), input.proxyPort(), emptyToNull(input.proxyLogin()),
        emptyToNull(input.proxyPassword()));
  }

  private boolean isOk(String reply) {
    try {
      return Status.OK.name().equals(json.readObject(reply).path(Wire.STATUS).asText());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String emptyToNull(String value) {
    return blank(value) ? null : value;
  }
}
