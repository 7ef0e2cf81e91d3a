package org.libreconnect.master.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection after a last answer the way RFC 9112 (section 9.6) asks of a server that
 * closes while the client may still be sending: it ends its own direction (TLS close_notify, then
 * TCP FIN) and reads and drops what still comes for a while before it closes. Closing at once with
 * unread bytes makes the kernel reset the connection, and the client may then lose the answer it
 * had not read yet, or fail its write (seen: a 100 KB header refused with a 400 that the client
 * never read: "Broken pipe").
 */
final class LingeringClose extends ChannelInboundHandlerAdapter {
  /** How long the client may go on sending before the connection is closed anyway. */
  static final Duration LINGER = Duration.ofSeconds(2);

  /** Most bytes dropped before the connection is closed anyway. */
  static final long MAX_DROPPED_BYTES = 1024 * 1024;

  private long dropped;

  private LingeringClose() {}

  /**
   * Ends {@code channel} after its last answer was written; on its event loop or not. A channel
   * without TLS (none on the connector's port) or already closed is closed at once.
   */
  static void after(Channel channel) {
    SslHandler tls = channel.pipeline().get(SslHandler.class);
    if (!(channel instanceof DuplexChannel duplex) || tls == null || !channel.isActive()) {
      channel.close();
      return;
    }
    channel.eventLoop().execute(() -> {
      channel.pipeline().addAfter(channel.pipeline().context(tls).name(), "linger", new LingeringClose());
      tls.closeOutbound().addListener(sent -> duplex.shutdownOutput());
      channel.eventLoop().schedule((Runnable) channel::close, LINGER.toMillis(), TimeUnit.MILLISECONDS);
    });
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf bytes) {
      dropped += bytes.readableBytes();
    }
    ReferenceCountUtil.release(msg);
    if (dropped > MAX_DROPPED_BYTES) {
      ctx.close();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
      ctx.close(); // the client is done too
    } else {
      ReferenceCountUtil.release(event);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close(); // a reset while lingering: nothing left to save
  }
}
