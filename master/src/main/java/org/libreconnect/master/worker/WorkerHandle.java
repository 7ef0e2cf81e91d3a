package org.libreconnect.master.worker;

import io.netty.channel.Channel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Function;
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's view of one worker: its state, its link channel once the worker has proved
 * itself, the sessions it serves and its health. The operating-system process is kept by {@link
 * WorkerProcess}, the requests in flight and their deadlines by {@link PendingRequests}, the
 * hand-over to a successor by {@link Succession}.
 *
 * <p>A worker whose PC/SC context died asks to be replaced ({@code link.retire}, then exit status
 * 75). From then on it is RETIRING: requests for it wait for its successor (bounded) and go there,
 * and its monitoring streams still open when it exits are started again in the successor, so that
 * clients keep their session ids and sockets. A worker that crashes has no successor: its sessions
 * get a clear error. A worker that misses a command's deadline is probed with {@code link.ping};
 * one that does not answer the probe either is killed.
 */
public final class WorkerHandle {
  private static final Logger log = LoggerFactory.getLogger(WorkerHandle.class);

  /** How long a worker has to answer the health probe sent after a missed deadline. */
  static final Duration PROBE_DEADLINE = Duration.ofSeconds(5);

  /** How long a request waits for the successor of a replaced worker. */
  static final Duration SUCCESSOR_WAIT = Succession.SUCCESSOR_WAIT;

  /** Life cycle of a worker as the master sees it. */
  public enum State {
    STARTING,
    READY,
    RETIRING,
    STOPPING,
    GONE
  }

  /** Whether the worker answers in time. */
  public enum Health {
    OK,
    /** It missed a deadline; a probe is under way. */
    SUSPECT,
    /** It did not answer the probe either; it is killed. */
    UNRESPONSIVE
  }

  private final int id;
  private final Path logDirectory;
  private final Instant startedAt;
  private final WorkerProcess process = new WorkerProcess();
  private final CompletableFuture<WorkerHandle> ready = new CompletableFuture<>();
  private final CompletableFuture<WorkerHandle> gone = new CompletableFuture<>();
  private final AtomicLong nextRequestId = new AtomicLong(1);
  private final PendingRequests pending = new PendingRequests(this::deadlinePassed);
  private final Succession succession = new Succession();
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile Function<WorkerHandle, CompletableFuture<WorkerHandle>> replacer;
  /** Changed only by compare-and-set ({@link #STATE}): the link's loop, the pool and a stop race. */
  private volatile State state = State.STARTING;

  private static final AtomicReferenceFieldUpdater<WorkerHandle, State> STATE =
      AtomicReferenceFieldUpdater.newUpdater(WorkerHandle.class, State.class, "state");
  private volatile Health health = Health.OK;
  private volatile Channel channel;
  private final AtomicBoolean exitAsked = new AtomicBoolean();
  private volatile WorkerKey key;
  private volatile boolean rehearsed;
  private volatile String goneReason;

  /** A worker whose process is not started yet ({@link #attach} follows). */
  WorkerHandle(int id, Path logDirectory, Instant createdAt) {
    this.id = id;
    this.logDirectory = logDirectory;
    this.startedAt = createdAt;
  }

  /** A worker whose process runs already. */
  WorkerHandle(int id, Process process, Path logDirectory, Instant startedAt) {
    this(id, logDirectory, startedAt);
    attach(process);
  }

  /**
   * The process now runs this worker; false when the worker was stopped while its process was
   * being started: the process is then killed, as nobody is left to ask it to exit, and a JVM
   * that ran its exit would write a class-data archive of its start only.
   */
  boolean attach(Process started) {
    process.attach(started, id);
    if (stopped()) {
      started.destroyForcibly();
      return false;
    }
    return true;
  }

  public int id() {
    return id;
  }

  /** The process id; -1 while the process is not started. */
  public long pid() {
    return process.pid();
  }

  public State state() {
    return state;
  }

  public Health health() {
    return health;
  }

  /** The worker said it rehearsed the DMP path ({@code link.rehearsed}). */
  void rehearsed() {
    rehearsed = true;
  }

  /**
   * Whether the worker was at work: it rehearsed or served an application. What its JVM writes in
   * the class-data archive when it exits is then worth keeping.
   */
  boolean wasAtWork() {
    return rehearsed || key != null;
  }

  public Optional<WorkerKey> key() {
    return Optional.ofNullable(key);
  }

  void assign(WorkerKey key) {
    this.key = key;
  }

  /** Who starts this worker's successor when it asks to be replaced (the pool). */
  void replaceWith(Function<WorkerHandle, CompletableFuture<WorkerHandle>> replacer) {
    this.replacer = replacer;
  }

  public Path logDirectory() {
    return logDirectory;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Set<String> sessions() {
    return Set.copyOf(sessions);
  }

  void addSession(String sessionId) {
    sessions.add(sessionId);
  }

  /** Removes a session; true when the worker serves none any more. */
  boolean removeSession(String sessionId) {
    sessions.remove(sessionId);
    return sessions.isEmpty();
  }

  /** Completes when the worker has connected back and proved its token. */
  public CompletableFuture<WorkerHandle> ready() {
    return ready;
  }

  /** Completes when the worker is gone, whatever the reason. */
  public CompletableFuture<WorkerHandle> gone() {
    return gone;
  }

  /** Whether the worker was asked to stop, or is gone. */
  public boolean stopped() {
    return isStopped(state);
  }

  private static boolean isStopped(State state) {
    return state == State.STOPPING || state == State.GONE;
  }

  public boolean alive() {
    return state == State.READY || state == State.STARTING;
  }

  /** Whether a successor took (or is taking) this worker's sessions over. */
  public boolean replaced() {
    return succession.started();
  }

  /** Why the worker is gone, for error messages and the status page. */
  public String goneReason() {
    return goneReason == null ? "" : goneReason;
  }

  void linkEstablished(Channel channel) {
    this.channel = channel;
    if (!STATE.compareAndSet(this, State.STARTING, State.READY) && state == State.STOPPING) {
      // asked to stop while it was starting: told as soon as it can hear, not killed at the grace's end
      askToExit(channel);
    }
    ready.complete(this);
  }

  /**
   * Sends the exit request once, on whichever of {@link #shutdown} and {@link #linkEstablished}
   * finds both the stop asked and the link up (each sets its own field, then reads the other's).
   */
  private void askToExit(Channel link) {
    if (link != null && link.isActive() && exitAsked.compareAndSet(false, true)) {
      link.writeAndFlush(
          new LinkFrame(
              LinkFrame.Kind.REQUEST,
              nextRequestId.getAndIncrement(),
              "",
              "{\"s_commandName\":\"" + LinkMessages.SHUTDOWN + "\"}"));
    }
  }

  /**
   * Sends a request with no deadline (tests, and the master's own bookkeeping).
   *
   * @return the request id, to cancel a persistent request
   */
  public long request(String sessionId, String payload, ReplyListener listener) {
    return request(sessionId, payload, listener, null);
  }

  /**
   * Sends a request; replies go to {@code listener} on the link's event loop. When {@code
   * deadline} passes before the answer (for a stream: its first frame), the listener gets a
   * {@link WorkerTimeoutException} and the worker's health is checked. A replaced worker hands
   * the request to its successor once that one is ready.
   *
   * @return the request id, to cancel a persistent request
   */
  public long request(String sessionId, String payload, ReplyListener listener, Duration deadline) {
    long requestId = nextRequestId.getAndIncrement();
    if (succession.started()) {
      succession.forward(
          requestId, listener, next -> next.request(sessionId, payload, listener, deadline),
          noSuccessorMessage());
      return requestId;
    }
    Channel link = channel;
    if (state != State.READY || link == null) {
      listener.onFailure(lostException());
      return requestId;
    }
    pending.add(requestId, sessionId, payload, listener, deadline, link.eventLoop());
    link.writeAndFlush(new LinkFrame(LinkFrame.Kind.REQUEST, requestId, sessionId, payload))
        .addListener(
            future -> {
              if (!future.isSuccess()) {
                PendingRequests.Pending removed = pending.remove(requestId);
                if (removed != null) {
                  removed.listener.onFailure(lostException());
                }
              }
            });
    return requestId;
  }

  /** Sends a request and collects its single final answer, within {@code deadline}. */
  public CompletableFuture<String> call(String sessionId, String payload, Duration deadline) {
    CompletableFuture<String> answer = new CompletableFuture<>();
    request(
        sessionId,
        payload,
        new ReplyListener() {
          @Override
          public void onReply(String json, boolean last) {
            if (last) {
              answer.complete(json);
            }
          }

          @Override
          public void onFailure(Throwable failure) {
            answer.completeExceptionally(failure);
          }
        },
        deadline);
    return answer;
  }

  /** Stops a persistent request; the worker sends nothing more for it. */
  public void cancel(long requestId) {
    if (succession.cancelRedirected(requestId)) {
      return;
    }
    PendingRequests.Pending removed = pending.remove(requestId);
    if (removed == null) {
      succession.cancelWhileWaiting(requestId);
      return;
    }
    Channel link = channel;
    if ((state == State.READY || state == State.RETIRING) && link != null) {
      link.writeAndFlush(new LinkFrame(LinkFrame.Kind.CANCEL, requestId, "", ""));
    }
  }

  /** Called by the link for each REPLY or FINAL frame. */
  void onFrame(LinkFrame frame) {
    if (!pending.deliver(frame)) {
      log.debug("worker.reply.orphan worker={} request={}", id, frame.id());
    }
  }

  /** A request missed its deadline: probe the worker once, and kill it if it stays silent. */
  private void deadlinePassed(PendingRequests.Pending request) {
    log.warn("worker.deadline worker={} pid={} session={} request={}", id, pid(),
        SessionIds.shortForm(request.sessionId), request.id);
    if (state != State.READY || !probing.compareAndSet(false, true)) {
      return;
    }
    health = Health.SUSPECT;
    String ping = "{\"s_commandName\":\"" + LinkMessages.PING + "\"}";
    call("", ping, PROBE_DEADLINE)
        .whenComplete(
            (answer, failure) -> {
              if (failure == null) {
                health = Health.OK;
                probing.set(false);
                log.info("worker.probe.answered worker={} pid={}", id, pid());
              } else if (failure instanceof WorkerTimeoutException) {
                health = Health.UNRESPONSIVE;
                log.error("worker.unresponsive worker={} pid={} reason=\"no answer to a health check"
                    + " within {} ms\" action=kill", id, pid(), PROBE_DEADLINE.toMillis());
                kill("it stopped answering (no answer to a health check within "
                    + PROBE_DEADLINE.toSeconds() + " s) and was stopped");
              }
            });
  }

  /** Ends the process at once; its requests and sessions fail with {@code reason}. */
  private void kill(String reason) {
    markGone(reason);
    process.kill();
  }

  /**
   * The worker asked to be replaced (or exited with status 75): from now on its requests go to a
   * successor, which the pool starts once. Returns that successor, ready with the sessions moved.
   */
  CompletableFuture<WorkerHandle> retire(String reason) {
    CompletableFuture<WorkerHandle> next =
        succession.start(
            replacer,
            this,
            () -> {
              if (!STATE.compareAndSet(this, State.READY, State.RETIRING)) {
                STATE.compareAndSet(this, State.STARTING, State.RETIRING);
              }
              log.warn("worker.retire worker={} pid={} reason=\"{}\" sessions={}", id, pid(),
                  reason, sessions.stream().map(SessionIds::shortForm).toList());
            });
    next.whenComplete(
        (successor, failure) -> {
          if (failure != null) {
            log.error("worker.replace.failed worker={} reason=\"{}\"", id, failure.toString());
          } else {
            log.info("worker.replaced worker={} successor={} pid={}", id, successor.id(),
                successor.pid());
          }
        });
    return next;
  }

  /**
   * Asks the worker to exit and makes sure it does: it gets {@code grace} to leave by itself,
   * then is destroyed.
   */
  public void shutdown(String reason, Duration grace) {
    State before;
    do {
      before = state;
      if (isStopped(before)) {
        return;
      }
    } while (!STATE.compareAndSet(this, before, State.STOPPING));
    log.info("worker.stop worker={} pid={} reason=\"{}\"", id, pid(), reason);
    if (!process.started()) {
      markGone("stopped before its process started");
      return;
    }
    askToExit(channel);
    process.killIfStillRunningAfter(
        grace,
        () -> log.warn("worker.kill worker={} pid={} reason=\"did not exit within {} ms\"",
            id, pid(), grace.toMillis()));
  }

  /** The process ended with {@code status}; 75 means "replace me". */
  void exited(int status) {
    if (status == LinkMessages.EXIT_REPLACE_ME && state != State.STOPPING) {
      retire("exit status " + status);
    }
    markGone(ExitStatus.describe(status));
  }

  /**
   * Marks the worker gone. Requests in flight fail, except, for a replaced worker, monitoring
   * streams, which start again in the successor. Idempotent.
   */
  void markGone(String reason) {
    State before = STATE.getAndSet(this, State.GONE);
    if (before == State.GONE) {
      return;
    }
    goneReason = reason;
    boolean replacedBySuccessor = succession.started();
    if (before == State.STOPPING || replacedBySuccessor) {
      log.info("worker.exit worker={} pid={} reason=\"{}\"", id, pid(), reason);
    } else {
      log.warn("worker.lost worker={} pid={} reason=\"{}\" sessions={}", id, pid(), reason,
          sessions.stream().map(SessionIds::shortForm).toList());
    }
    ready.completeExceptionally(lostException());
    for (PendingRequests.Pending request : pending.drain()) {
      if (replacedBySuccessor && request.streaming) {
        ReplyListener relay = new WithoutAcknowledgement(request.listener);
        succession.forward(
            request.id, relay, next -> next.request(request.sessionId, request.payload, relay),
            noSuccessorMessage());
      } else if (replacedBySuccessor) {
        request.listener.onFailure(new WorkerLostException(
            "The worker process (pid " + pid() + ") serving this session was replaced while it"
                + " served this command; send the command again"));
      } else {
        request.listener.onFailure(lostException());
      }
    }
    Channel link = channel;
    if (link != null) {
      link.close();
    }
    gone.complete(this);
  }

  /**
   * The link closed. The process normally exits at the same moment; give it a little time so
   * that the exit status can be reported, then make sure it is gone.
   */
  void linkClosed() {
    if (!process.started()) {
      markGone("its link closed before its process started");
      return;
    }
    process.awaitExit(
        Duration.ofSeconds(2),
        this::exited,
        () -> markGone("its link closed while the process was still running"));
  }

  public WorkerLostException lostException() {
    if (!process.started() && goneReason != null) {
      return new WorkerLostException(
          "No worker process could be started for this session: " + goneReason
              + ". Open a new session; the connector's log says more.");
    }
    String reason = goneReason == null ? "is not available" : "stopped: " + goneReason;
    return new WorkerLostException(
        "The worker process (pid " + pid() + ") serving this session " + reason
            + ". Its session state is lost; open a new session.");
  }

  /** What a request waiting for this worker's successor gets when none became ready. */
  private String noSuccessorMessage() {
    return "The worker process (pid " + pid() + ") serving this session asked to be replaced and"
        + " no successor became ready; open a new session.";
  }

  /** The process, or null while it is not started. */
  Process process() {
    return process.get();
  }

  /** Relays a restarted stream without its second acknowledgement: the client has had one. */
  private static final class WithoutAcknowledgement implements ReplyListener {
    private final ReplyListener client;
    private boolean first = true;

    WithoutAcknowledgement(ReplyListener client) {
      this.client = client;
    }

    @Override
    public void onReply(String json, boolean last) {
      boolean acknowledgement = first && !last;
      first = false;
      if (!acknowledgement) {
        client.onReply(json, last);
      }
    }

    @Override
    public void onFailure(Throwable failure) {
      client.onFailure(failure);
    }
  }

  @Override
  public String toString() {
    return "Worker[" + id + ", pid=" + pid() + ", " + state + ", " + key + "]";
  }
}
