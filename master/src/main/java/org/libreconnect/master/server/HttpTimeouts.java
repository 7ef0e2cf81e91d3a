package org.libreconnect.master.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the HTTP phase of a connection: a client has {@code request} to send each whole request
 * (head and body: a client that trickles bytes is cut off), and {@code idle} between the end of
 * one answer and the next request. Once the connection becomes a WebSocket, the command handler
 * removes this handler and applies its own idle rule.
 */
public final class HttpTimeouts extends ChannelDuplexHandler {
  private static final Logger log = LoggerFactory.getLogger(HttpTimeouts.class);

  private final Duration request;
  private final Duration idle;
  private ScheduledFuture<?> timer;
  private boolean inRequest;

  public HttpTimeouts(Duration request, Duration idle) {
    this.request = request;
    this.idle = idle;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      arm(ctx, request.plus(idle), "no request");
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    arm(ctx, request.plus(idle), "no request");
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof HttpRequest && !inRequest) {
      inRequest = true;
      arm(ctx, request, "request not completed");
    }
    if (msg instanceof LastHttpContent) {
      inRequest = false;
      cancel(); // the answer is the server's to give; the command has its own deadline
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    if (msg instanceof LastHttpContent && !inRequest) {
      promise.addListener(done -> {
        if (ctx.channel().isActive() && ctx.pipeline().context(this) != null) {
          arm(ctx, idle, "idle");
        }
      });
    }
    super.write(ctx, msg, promise);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancel();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancel();
    super.channelInactive(ctx);
  }

  private void arm(ChannelHandlerContext ctx, Duration after, String reason) {
    cancel();
    timer =
        ctx.executor()
            .schedule(
                () -> {
                  log.debug("http.timeout remote={} reason=\"{}\"", ctx.channel().remoteAddress(), reason);
                  ctx.close();
                },
                after.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
