package org.libreconnect.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open connections of the server mode, so that a graceful stop drains them rather than cuts
 * them. A connection on which a request was read and not yet answered, or on which bytes arrived
 * within the quiet period, is busy: a stop lets it finish (its answer says
 * {@code Connection: close}). A connection quiet for that long is closed: a client that sends
 * on it at that very moment meets the same race as at any keep-alive timeout. Whatever is still
 * open at the deadline is closed.
 *
 * <p>Two handlers feed it: {@link #bytes()} first in the pipeline (it sees the TLS records, so a
 * handshake or a request still arriving counts as activity) and {@link #requests()} just before
 * the request handler (a request read, its answer written).
 */
final class ConnectionDrain {
  private static final AttributeKey<Activity> ACTIVITY = AttributeKey.valueOf("libreconnect.drain");

  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final ChannelHandler bytes = new Bytes();
  private final ChannelHandler requests = new Requests();

  /** First handler of every connection's pipeline. */
  ChannelHandler bytes() {
    return bytes;
  }

  /** Handler placed just before the request handler, after the HTTP aggregator. */
  ChannelHandler requests() {
    return requests;
  }

  /** Connections now open. */
  int openCount() {
    return connections.size();
  }

  /**
   * Closes connections as they turn idle until none is left and {@code quiet} has passed since
   * the call (connections accepted just before the listener closed are counted), or until
   * {@code deadline} passes; then closes what is left. Call it after the listener closed, off the
   * event loop. Returns how many connections were still busy at the deadline.
   */
  int drain(Duration quiet, Duration deadline) throws InterruptedException {
    long start = System.nanoTime();
    long quietNanos = quiet.toNanos();
    long end = start + deadline.toNanos();
    while (System.nanoTime() - end < 0) {
      long now = System.nanoTime();
      for (Channel connection : connections) {
        Activity activity = connection.attr(ACTIVITY).get();
        if (activity != null && activity.idle(now, quietNanos)) {
          connection.close();
        }
      }
      if (connections.isEmpty() && now - start >= quietNanos) {
        return 0;
      }
      Thread.sleep(20);
    }
    int busy = connections.size();
    connections.close().awaitUninterruptibly();
    return busy;
  }

  private Activity activity(ChannelHandlerContext ctx) {
    Activity activity = ctx.channel().attr(ACTIVITY).get();
    if (activity == null) {
      activity = new Activity(System.nanoTime());
      Activity earlier = ctx.channel().attr(ACTIVITY).setIfAbsent(activity);
      if (earlier != null) {
        activity = earlier;
      }
    }
    return activity;
  }

  /** What a stop needs to know of one connection. */
  private static final class Activity {
    private final AtomicInteger unanswered = new AtomicInteger();
    private volatile long lastActive;

    Activity(long now) {
      this.lastActive = now;
    }

    void touch(long now) {
      lastActive = now;
    }

    boolean idle(long now, long quietNanos) {
      return unanswered.get() == 0 && now - lastActive >= quietNanos;
    }
  }

  @ChannelHandler.Sharable
  private final class Bytes extends ChannelInboundHandlerAdapter {
    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
      activity(ctx);
      connections.add(ctx.channel());
      super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      activity(ctx).touch(System.nanoTime());
      super.channelRead(ctx, msg);
    }
  }

  @ChannelHandler.Sharable
  private final class Requests extends ChannelDuplexHandler {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      if (msg instanceof HttpRequest) {
        activity(ctx).unanswered.incrementAndGet();
      }
      super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
      if (msg instanceof HttpResponse) {
        Activity activity = activity(ctx);
        promise = promise.unvoid();
        promise.addListener(done -> {
          activity.touch(System.nanoTime());
          activity.unanswered.decrementAndGet();
        });
      }
      super.write(ctx, msg, promise);
    }
  }
}
