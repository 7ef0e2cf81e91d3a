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
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's view of one worker process: its process, its link channel once the worker has
 * proved itself, the requests in flight and the sessions it serves.
 */
public final class WorkerHandle {
  private static final Logger log = LoggerFactory.getLogger(WorkerHandle.class);

  /** Life cycle of a worker as the master sees it. */
  public enum State {
    STARTING,
    READY,
    STOPPING,
    GONE
  }

  private final int id;
  private final Process process;
  private final Path logDirectory;
  private final Instant startedAt;
  private final CompletableFuture<WorkerHandle> ready = new CompletableFuture<>();
  private final AtomicLong nextRequestId = new AtomicLong(1);
  private final Map<Long, ReplyListener> pending = new ConcurrentHashMap<>();
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
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
   * Sends a request; replies go to {@code listener} on the link's event loop.
   *
   * @return the request id, to cancel a persistent request
   */
  public long request(String sessionId, String payload, ReplyListener listener) {
    long requestId = nextRequestId.getAndIncrement();
    Channel link = channel;
    if (state != State.READY || link == null) {
      listener.onFailure(lostException());
      return requestId;
    }
    pending.put(requestId, listener);
    link.writeAndFlush(new LinkFrame(LinkFrame.Kind.REQUEST, requestId, sessionId, payload))
        .addListener(
            future -> {
              if (!future.isSuccess()) {
                ReplyListener removed = pending.remove(requestId);
                if (removed != null) {
                  removed.onFailure(lostException());
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
    if (pending.remove(requestId) != null && state == State.READY && channel != null) {
      channel.writeAndFlush(new LinkFrame(LinkFrame.Kind.CANCEL, requestId, "", ""));
    }
  }

  /** Called by the link for each REPLY or FINAL frame. */
  void onFrame(LinkFrame frame) {
    boolean last = frame.kind() == LinkFrame.Kind.FINAL;
    ReplyListener listener = last ? pending.remove(frame.id()) : pending.get(frame.id());
    if (listener == null) {
      log.debug("worker.reply.orphan worker={} request={}", id, frame.id());
      return;
    }
    listener.onReply(frame.payload(), last);
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

  /** Marks the worker gone and fails every request in flight. Idempotent. */
  void markGone(String reason) {
    boolean wasStopping = state == State.STOPPING;
    if (state == State.GONE) {
      return;
    }
    state = State.GONE;
    goneReason = reason;
    if (wasStopping) {
      log.info("worker.exit worker={} pid={} reason=\"{}\"", id, pid(), reason);
    } else {
      log.warn("worker.lost worker={} pid={} reason=\"{}\" sessions={}", id, pid(), reason,
          sessions.stream().map(SessionIds::shortForm).toList());
    }
    ready.completeExceptionally(lostException());
    WorkerLostException failure = lostException();
    pending.values().forEach(listener -> listener.onFailure(failure));
    pending.clear();
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
                markGone(ExitStatus.describe(exited.exitValue()));
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

  @Override
  public String toString() {
    return "Worker[" + id + ", pid=" + pid() + ", " + state + ", " + key + "]";
  }
}
