package org.libreconnect.master.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.libreconnect.config.ConnectorConfig;
import org.libreconnect.master.worker.WorkerHandle;
import org.libreconnect.master.worker.WorkerKey;
import org.libreconnect.master.worker.WorkerPool;
import org.libreconnect.protocol.ProductVersion;
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.protocol.Status;
import org.libreconnect.protocol.Wire;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.command.SessionCommands.OpenSessionAnswer;
import org.libreconnect.protocol.command.SessionCommands.OpenSessionInput;
import org.libreconnect.protocol.error.FunctionalException;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.link.LinkMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens, closes and expires sessions, and binds each to its worker process. */
public final class SessionService {
  private static final Logger log = LoggerFactory.getLogger(SessionService.class);

  /** The JS2 wrapper's default idle timeout. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 3600;

  private static final long MAX_TIMEOUT_SECONDS = Duration.ofDays(3650).toSeconds();
  private static final long WORKER_CALL_TIMEOUT_SECONDS = 30;

  private final SessionRegistry registry;
  private final WorkerPool pool;
  private final WireJson json;
  private final ConnectorConfig config;
  private final Clock clock;

  public SessionService(
      SessionRegistry registry, WorkerPool pool, WireJson json, ConnectorConfig config, Clock clock) {
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
              .call(session.id(), opened)
              .orTimeout(WORKER_CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .handle(
                  (reply, failure) -> {
                    if (failure == null && isOk(reply)) {
                      session.replaceWorker(replaced, successor);
                      log.info("session.moved session={} worker={} pid={}",
                          SessionIds.shortForm(session.id()), successor.id(), successor.pid());
                    } else {
                      log.warn("session.move.failed session={} reason=\"{}\"",
                          SessionIds.shortForm(session.id()),
                          failure == null ? "the worker refused it" : failure.toString());
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

  /** {@code hl_openSession}: completes with the answer text. */
  public CompletableFuture<String> open(OpenSessionInput input, String origin) {
    Duration timeout = timeoutOf(input);
    int max = config.server().maxSessions();
    if (registry.size() >= max) {
      throw new FunctionalException(
          "The connector already holds its maximum of " + max + " sessions; close one first");
    }
    String sessionId = UUID.randomUUID().toString();
    WorkerKey key = WorkerKey.of(input.applicationId(), input.userName(), input.domainName());
    Session.ProxyOverride proxy = proxyOverride(input);
    Instant now = clock.instant();
    return pool.acquire(key, sessionId)
        .thenCompose(
            worker -> {
              Session session =
                  new Session(
                      sessionId, input.applicationId(), input.userName(), input.domainName(),
                      origin, now, timeout, worker, proxy);
              String opened =
                  json.write(
                      new LinkMessages.SessionOpened(
                          sessionId, input.applicationId(), input.userName(),
                          input.domainName(), origin));
              return worker
                  .call(sessionId, opened)
                  .orTimeout(WORKER_CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                  .thenApply(reply -> register(session, reply))
                  .whenComplete(
                      (answer, failure) -> {
                        if (failure != null) {
                          pool.release(worker, sessionId);
                        }
                      });
            });
  }

  private String register(Session session, String workerReply) {
    if (!isOk(workerReply)) {
      pool.release(session.worker(), session.id());
      return workerReply;
    }
    registry.add(session);
    log.info("session.open session={} app={} worker={} timeout={}s",
        SessionIds.shortForm(session.id()), session.applicationId(), session.worker().pid(),
        session.idleTimeout().toSeconds());
    return json.ok(answerFor(session));
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
      proxyServer = config.proxy().server().orElse(null);
      proxyPort = config.proxy().port().isPresent() ? config.proxy().port().getAsInt() : null;
      proxyLogin = config.proxy().login().orElse(null);
    }
    String ntpServer = config.ntp().server().orElse(null);
    Integer ntpPort = ntpServer == null ? null : config.ntp().port();
    return new OpenSessionAnswer(
        session.id(),
        ProductVersion.current(),
        config.simulation().enabled() ? 0 : 1,
        proxyServer,
        proxyPort,
        proxyLogin,
        proxyPass,
        ntpServer,
        ntpPort);
  }

  /** {@code hl_closeSession}: completes with the answer text once the worker has let go. */
  public CompletableFuture<String> close(String sessionId, String origin) {
    Session session = registry.require(sessionId, origin);
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
    log.info("session.close session={} reason=\"{}\"", SessionIds.shortForm(session.id()), reason);
    WorkerHandle worker = session.worker();
    if (!worker.alive()) {
      pool.release(worker, session.id());
      return CompletableFuture.completedFuture(null);
    }
    String payload = json.write(new LinkMessages.Bare(LinkMessages.CLOSE_SESSION));
    return worker
        .call(session.id(), payload)
        .orTimeout(WORKER_CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)
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
