package org.libreconnect.master.worker;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.libreconnect.master.user.OsAccount;
import org.libreconnect.protocol.link.LinkFrame;

/**
 * Worker processes that exist only in the test: each start attaches a {@link FakeProcess} and
 * connects a link whose worker answers every request with OK, unless told to stay silent.
 */
public final class FakeWorkers implements WorkerFactory {
  public final List<WorkerHandle> created = new CopyOnWriteArrayList<>();
  public final List<FakeProcess> processes = new CopyOnWriteArrayList<>();
  public final List<String> startThreads = new CopyOnWriteArrayList<>();
  public final List<EmbeddedChannel> links = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  public volatile boolean answer = true;
  /** The timeout of the last {@link #awaitExits} call; null before one. */
  public volatile java.time.Duration awaitedExits;
  /** Workers given a longer stop grace, and that grace. */
  public final java.util.Map<Integer, java.time.Duration> graces = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public java.time.Duration stopGrace(WorkerHandle worker, java.time.Duration usual) {
    return graces.getOrDefault(worker.id(), usual);
  }

  @Override
  public void awaitExits(java.time.Duration timeout) {
    awaitedExits = timeout;
  }
  public volatile boolean failStarts;

  @Override
  public WorkerHandle create() {
    WorkerHandle worker = new WorkerHandle(ids.incrementAndGet(), Path.of("logs"), Instant.now());
    created.add(worker);
    return worker;
  }

  /** The accounts {@link #createFor} made workers for, when {@link #usersAllowed}. */
  public final List<OsAccount> accounts = new CopyOnWriteArrayList<>();
  public volatile boolean usersAllowed;

  @Override
  public WorkerHandle createFor(OsAccount account) {
    if (!usersAllowed) {
      return WorkerFactory.super.createFor(account);
    }
    accounts.add(account);
    return create();
  }

  @Override
  public void start(WorkerHandle worker) {
    startThreads.add(Thread.currentThread().getName());
    if (failStarts) {
      throw new WorkerLostException("no java here");
    }
    FakeProcess process = new FakeProcess();
    processes.add(process);
    worker.attach(process);
    process.onExit().thenAccept(p -> worker.exited(p.exitValue()));
    EmbeddedChannel link = new EmbeddedChannel(new Responder(worker));
    links.add(link);
    worker.linkEstablished(link);
  }

  /** The fake worker's side of the link: answers each request with OK when allowed. */
  private final class Responder extends ChannelOutboundHandlerAdapter {
    private final WorkerHandle worker;

    Responder(WorkerHandle worker) {
      this.worker = worker;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      promise.setSuccess();
      if (answer && msg instanceof LinkFrame frame && frame.kind() == LinkFrame.Kind.REQUEST) {
        worker.onFrame(
            new LinkFrame(LinkFrame.Kind.FINAL, frame.id(), frame.sessionId(), "{\"s_status\":\"OK\"}"));
      }
    }
  }
}
