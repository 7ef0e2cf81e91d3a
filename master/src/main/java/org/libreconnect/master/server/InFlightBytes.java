package org.libreconnect.master.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.AttributeKey;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the bytes all connections together hold in messages not yet complete. Each connection
 * may send messages up to the frame limit, but several at once could exhaust the memory: past
 * the budget, the connection whose bytes would exceed it is closed. {@link #counter()} goes right
 * after TLS and counts what arrives; {@link #release()} goes after the aggregators and gives a
 * connection's bytes back when a whole message is out.
 */
public final class InFlightBytes {
  private static final Logger log = LoggerFactory.getLogger(InFlightBytes.class);
  private static final AttributeKey<long[]> HELD = AttributeKey.valueOf("inflight.held");

  private final long budget;
  private final AtomicLong total = new AtomicLong();
  private final Counter counter = new Counter();
  private final Release release = new Release();

  public InFlightBytes(long budget) {
    this.budget = budget;
  }

  public ChannelHandler counter() {
    return counter;
  }

  public ChannelHandler release() {
    return release;
  }

  /** Bytes held now by messages in progress, all connections together. */
  public long total() {
    return total.get();
  }

  private long[] held(ChannelHandlerContext ctx) {
    long[] held = ctx.channel().attr(HELD).get();
    if (held == null) {
      held = new long[1];
      ctx.channel().attr(HELD).set(held);
    }
    return held;
  }

  private void giveBack(ChannelHandlerContext ctx) {
    long[] held = held(ctx);
    total.addAndGet(-held[0]);
    held[0] = 0;
  }

  @ChannelHandler.Sharable
  private final class Counter extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf bytes) {
        int size = bytes.readableBytes();
        if (total.addAndGet(size) > budget) {
          total.addAndGet(-size);
          bytes.release();
          log.warn("connection.closed remote={} reason=\"messages in progress over {} bytes in all\"",
              ctx.channel().remoteAddress(), budget);
          ctx.close();
          return;
        }
        held(ctx)[0] += size;
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      giveBack(ctx);
      super.channelInactive(ctx);
    }
  }

  @ChannelHandler.Sharable
  private final class Release extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof FullHttpRequest
          || msg instanceof TextWebSocketFrame
          || msg instanceof BinaryWebSocketFrame) {
        giveBack(ctx);
      }
      ctx.fireChannelRead(msg);
    }
  }
}
