package org.libreconnect.master.session;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.libreconnect.master.worker.WorkerHandle;
import org.libreconnect.protocol.SessionIds;

/** One JS2 session as the master knows it: who opened it, where it lives, when it was used. */
public final class Session {
  private final String id;
  private final String applicationId;
  private final String userName;
  private final String domainName;
  private final String origin;
  private final Instant openedAt;
  private final Duration idleTimeout;
  private final AtomicReference<WorkerHandle> worker;
  private final ProxyOverride proxy;
  private final AtomicInteger openStreams = new AtomicInteger();
  private volatile Instant lastActivity;

  public Session(
      String id,
      String applicationId,
      String userName,
      String domainName,
      String origin,
      Instant openedAt,
      Duration idleTimeout,
      WorkerHandle worker,
      ProxyOverride proxy) {
    this.id = id;
    this.applicationId = applicationId;
    this.userName = userName;
    this.domainName = domainName;
    this.origin = origin;
    this.openedAt = openedAt;
    this.idleTimeout = idleTimeout;
    this.worker = new AtomicReference<>(worker);
    this.proxy = proxy;
    this.lastActivity = openedAt;
  }

  public String id() {
    return id;
  }

  public String applicationId() {
    return applicationId;
  }

  public String userName() {
    return userName;
  }

  public String domainName() {
    return domainName;
  }

  public String origin() {
    return origin;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant lastActivity() {
    return lastActivity;
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** The worker that holds the session now; a replaced worker's successor once it took over. */
  public WorkerHandle worker() {
    return worker.get();
  }

  /** Moves the session to {@code successor}, if it still lives in {@code replaced}. */
  public boolean replaceWorker(WorkerHandle replaced, WorkerHandle successor) {
    return worker.compareAndSet(replaced, successor);
  }

  public ProxyOverride proxy() {
    return proxy;
  }

  public void touch(Instant now) {
    lastActivity = now;
  }

  public void streamOpened() {
    openStreams.incrementAndGet();
  }

  public void streamClosed(Instant now) {
    openStreams.decrementAndGet();
    lastActivity = now;
  }

  public int openStreams() {
    return openStreams.get();
  }

  /**
   * Whether the session has been idle longer than its timeout. A session with an open
   * monitoring socket is in use and never idle.
   */
  public boolean idleAt(Instant now) {
    return openStreams.get() == 0 && lastActivity.plus(idleTimeout).isBefore(now);
  }

  @Override
  public String toString() {
    return "Session[" + SessionIds.shortForm(id) + ", app=" + applicationId + "]";
  }

  /** A per-session proxy sent with hl_openSession; the password never leaves this object. */
  public record ProxyOverride(String server, Integer port, String login, String password) {
    @Override
    public String toString() {
      return "ProxyOverride[" + server + ":" + port + ", login=" + login + ", password=***]";
    }
  }
}
