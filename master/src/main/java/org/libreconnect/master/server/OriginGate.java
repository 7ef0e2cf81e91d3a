package org.libreconnect.master.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a WebSocket handshake, before any upgrade, unless its {@code Origin} is allowed. A
 * refused handshake gets 403 and the connection is closed; a CORS header would not protect a
 * WebSocket, this does.
 */
@ChannelHandler.Sharable
public final class OriginGate extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(OriginGate.class);

  private final OriginPolicy policy;

  public OriginGate(OriginPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof FullHttpRequest request) {
      String origin = request.headers().get(HttpHeaderNames.ORIGIN);
      if (!policy.allows(origin)) {
        policy.countRefusal();
        log.warn("origin.refused origin=\"{}\" remote={}", printable(origin),
            ctx.channel().remoteAddress());
        ReferenceCountUtil.release(request);
        HttpReplies.sendText(ctx, request, HttpResponseStatus.FORBIDDEN,
            "Origin not allowed: add it to server/allowed_origins in the connector's configuration\n",
            true);
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }

  static String printable(String origin) {
    if (origin == null) {
      return "(none)";
    }
    String clean = origin.replaceAll("[^\\x20-\\x7e]", "?");
    return clean.length() > 200 ? clean.substring(0, 200) : clean;
  }
}
