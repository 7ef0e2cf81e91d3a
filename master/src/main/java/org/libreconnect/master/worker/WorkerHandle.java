package org.libreconnect.master.worker;

import io.netty.channel.Channel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's view of one worker process: its process, its link channel once the worker has
 * proved itself, the requests in flight and the sessions it serves.
 *
 * <p>A worker whose PC/SC context died asks to be replaced ({@code link.retire}, then exit status
 * 75). From then on it is RETIRING: requests for it wait for its successor (bounded) and go there,
 * and its monitoring streams still open when it exits are started again in the successor, so that
 * clients keep their session ids and sockets. A worker that crashes has no successor: its sessions
 * get a clear error.
 */
public final class WorkerHandle {
  private static final Logger log = LoggerFactory.getLogger(WorkerHandle.class);

  /** How long a request waits for the successor of a replaced worker. */
  static final Duration SUCCESSOR_WAIT = Duration.ofSeconds(30);

  /** Life cycle of a worker as the master sees it. */
  public enum State {
    STARTING,
    READY,
    RETIRING,
    STOPPING,
    GONE
  }

  /** A request in flight; {@code streaming} once a non-final frame came back for it. */
  private static final class Pending {
    final String sessionId;
    final String payload;
    final ReplyListener listener;
    volatile boolean streaming;

    Pending(String sessionId, String payload, ReplyListener listener) {
      this.sessionId = sessionId;
      this.payload = payload;
      this.listener = listener;
    }
  }

  /** Where a request went once this worker was replaced. */
  private record Redirect(WorkerHandle worker, long requestId) {}

  private final int id;
  private final Process process;
  private final Path logDirectory;
  private final Instant startedAt;
  private final CompletableFuture<WorkerHandle> ready = new CompletableFuture<>();
  private final AtomicLong nextRequestId = new AtomicLong(1);
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final Map<Long, Redirect> redirected = new ConcurrentHashMap<>();
  private final Set<Long> cancelledWhileWaiting = ConcurrentHashMap.newKeySet();
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
  private final AtomicReference<CompletableFuture<WorkerHandle>> successor = new AtomicReference<>();
  private volatile Function<WorkerHandle, CompletableFuture<WorkerHandle>> replacer;
  private volatile State state = State.STARTING;
  private volatile Channel channel;
  private volatile WorkerKey key;
  private volatile String goneReason;
  private final CompletableFuture<WorkerHandle> gone = new CompletableFuture<>();

  WorkerHandle(int id, Process process, Path logDirectory, Instant startedAt) {
    this.id = id;
    this.process = process;
    this.logDirectory = logDirectory;
    this.startedAt = startedAt;
  }

  public int id() {
    return id;
  }

  public long pid() {
    return process.pid();
  }

  public State state() {
    return state;
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

  public boolean alive() {
    return state == State.READY || state == State.STARTING;
  }

  /** Why the worker is gone, for error messages and the status page. */
  public String goneReason() {
    return goneReason == null ? "" : goneReason;
  }

  void linkEstablished(Channel channel) {
    this.channel = channel;
    this.state = State.READY;
    ready.complete(this);
  }

  /**
   * Sends a request; replies go to {@code listener} on the link's event loop. A replaced worker
   * hands the request to its successor once that one is ready.
   *
   * @return the request id, to cancel a persistent request
   */
  public long request(String sessionId, String payload, ReplyListener listener) {
    long requestId = nextRequestId.getAndIncrement();
    CompletableFuture<WorkerHandle> next = successor.get();
    if (next != null) {
      forward(requestId, next, sessionId, payload, listener);
      return requestId;
    }
    Channel link = channel;
    if (state != State.READY || link == null) {
      listener.onFailure(lostException());
      return requestId;
    }
    pending.put(requestId, new Pending(sessionId, payload, listener));
    link.writeAndFlush(new LinkFrame(LinkFrame.Kind.REQUEST, requestId, sessionId, payload))
        .addListener(
            future -> {
              if (!future.isSuccess()) {
                Pending removed = pending.remove(requestId);
                if (removed != null) {
                  removed.listener.onFailure(lostException());
                }
              }
            });
    return requestId;
  }

  /** Sends a request and collects its single final answer. */
  public CompletableFuture<String> call(String sessionId, String payload) {
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
        });
    return answer;
  }

  /** Stops a persistent request; the worker sends nothing more for it. */
  public void cancel(long requestId) {
    Redirect redirect = redirected.remove(requestId);
    if (redirect != null) {
      redirect.worker().cancel(redirect.requestId());
      return;
    }
    Pending removed = pending.remove(requestId);
    if (removed == null) {
      if (successor.get() != null) {
        cancelledWhileWaiting.add(requestId); // still waiting for the successor
      }
      return;
    }
    Channel link = channel;
    if ((state == State.READY || state == State.RETIRING) && link != null) {
      link.writeAndFlush(new LinkFrame(LinkFrame.Kind.CANCEL, requestId, "", ""));
    }
  }

  /** Called by the link for each REPLY or FINAL frame. */
  void onFrame(LinkFrame frame) {
    boolean last = frame.kind() == LinkFrame.Kind.FINAL;
    Pending target = last ? pending.remove(frame.id()) : pending.get(frame.id());
    if (target == null) {
      log.debug("worker.reply.orphan worker={} request={}", id, frame.id());
      return;
    }
    if (!last) {
      target.streaming = true;
    }
    target.listener.onReply(frame.payload(), last);
  }

  /**
   * The worker asked to be replaced (or exited with status 75): from now on its requests go to a
   * successor, which the pool starts once. Returns that successor, ready with the sessions moved.
   */
  CompletableFuture<WorkerHandle> retire(String reason) {
    CompletableFuture<WorkerHandle> placeholder = new CompletableFuture<>();
    if (!successor.compareAndSet(null, placeholder)) {
      return successor.get();
    }
    if (state == State.READY || state == State.STARTING) {
      state = State.RETIRING;
    }
    log.warn("worker.retire worker={} pid={} reason=\"{}\" sessions={}", id, pid(), reason,
        sessions.stream().map(SessionIds::shortForm).toList());
    Function<WorkerHandle, CompletableFuture<WorkerHandle>> pool = replacer;
    CompletableFuture<WorkerHandle> started =
        pool == null
            ? CompletableFuture.failedFuture(new WorkerLostException("No pool to replace worker " + id))
            : pool.apply(this);
    started.whenComplete(
        (next, failure) -> {
          if (failure != null) {
            log.error("worker.replace.failed worker={} reason=\"{}\"", id, failure.toString());
            placeholder.completeExceptionally(failure);
          } else {
            log.info("worker.replaced worker={} successor={} pid={}", id, next.id(), next.pid());
            placeholder.complete(next);
          }
        });
    return placeholder;
  }

  /**
   * Asks the worker to exit and makes sure it does: it gets {@code grace} to leave by itself,
   * then is destroyed.
   */
  public void shutdown(String reason, Duration grace) {
    if (state == State.GONE || state == State.STOPPING) {
      return;
    }
    state = State.STOPPING;
    log.info("worker.stop worker={} pid={} reason=\"{}\"", id, pid(), reason);
    Channel link = channel;
    if (link != null && link.isActive()) {
      link.writeAndFlush(
          new LinkFrame(
              LinkFrame.Kind.REQUEST,
              nextRequestId.getAndIncrement(),
              "",
              "{\"s_commandName\":\"" + LinkMessages.SHUTDOWN + "\"}"));
    }
    process
        .onExit()
        .orTimeout(grace.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(
            timeout -> {
              log.warn("worker.kill worker={} pid={} reason=\"did not exit within {} ms\"",
                  id, pid(), grace.toMillis());
              process.destroyForcibly();
              return process;
            });
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
    State before = state;
    if (before == State.GONE) {
      return;
    }
    state = State.GONE;
    goneReason = reason;
    CompletableFuture<WorkerHandle> next = successor.get();
    if (before == State.STOPPING || next != null) {
      log.info("worker.exit worker={} pid={} reason=\"{}\"", id, pid(), reason);
    } else {
      log.warn("worker.lost worker={} pid={} reason=\"{}\" sessions={}", id, pid(), reason,
          sessions.stream().map(SessionIds::shortForm).toList());
    }
    ready.completeExceptionally(lostException());
    for (Map.Entry<Long, Pending> entry : pending.entrySet()) {
      Pending request = entry.getValue();
      if (!pending.remove(entry.getKey(), request)) {
        continue;
      }
      if (next != null && request.streaming) {
        forward(entry.getKey(), next, request.sessionId, request.payload,
            new WithoutAcknowledgement(request.listener));
      } else if (next != null) {
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
    process
        .onExit()
        .orTimeout(2, TimeUnit.SECONDS)
        .whenComplete(
            (exited, timeout) -> {
              if (timeout != null) {
                process.destroyForcibly();
                markGone("its link closed while the process was still running");
              } else {
                exited(exited.exitValue());
              }
            });
  }

  WorkerLostException lostException() {
    String reason = goneReason == null ? "is not available" : "stopped: " + goneReason;
    return new WorkerLostException(
        "The worker process (pid " + pid() + ") serving this session " + reason
            + ". Its session state is lost; open a new session.");
  }

  Process process() {
    return process;
  }

  /** Sends request {@code requestId} to the successor once it is ready (bounded wait). */
  private void forward(
      long requestId,
      CompletableFuture<WorkerHandle> next,
      String sessionId,
      String payload,
      ReplyListener listener) {
    next.copy()
        .orTimeout(SUCCESSOR_WAIT.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (worker, failure) -> {
              if (cancelledWhileWaiting.remove(requestId)) {
                return;
              }
              if (failure != null) {
                listener.onFailure(new WorkerLostException(
                    "The worker process (pid " + pid() + ") serving this session asked to be"
                        + " replaced and no successor became ready; open a new session."));
                return;
              }
              long forwarded = worker.request(sessionId, payload, listener);
              redirected.put(requestId, new Redirect(worker, forwarded));
              if (cancelledWhileWaiting.remove(requestId)) {
                cancel(requestId);
              }
            });
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
