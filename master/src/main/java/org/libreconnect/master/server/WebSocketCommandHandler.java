package org.libreconnect.master.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.libreconnect.master.route.CommandRouter;
import org.libreconnect.master.route.ReplySink;
import org.libreconnect.master.user.ClientConnection;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.error.ErrorMapper;
import org.libreconnect.protocol.error.FunctionalException;
import org.libreconnect.protocol.error.MessageTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection after the handshake: each text frame is one JS2 command, answered on
 * the same socket. Close frames are answered with status 1000 (the JS2 wrapper reports any other
 * status as an error), and the answer always goes out before any close the server starts.
 */
public final class WebSocketCommandHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final Logger log = LoggerFactory.getLogger(WebSocketCommandHandler.class);
  private static final AttributeKey<Boolean> CLOSE_SENT = AttributeKey.valueOf("ws.closeSent");
  private static final long CLOSE_GRACE_SECONDS = 2;

  private final CommandRouter router;
  private final WireJson json;
  private final ErrorMapper errors;
  private final int maxFrameBytes;
  private final Duration idleTimeout;
  /** Commands of this socket not yet answered, and monitoring streams still running. */
  private int inProgress;
  private String origin;

  public WebSocketCommandHandler(CommandRouter router, WireJson json, ErrorMapper errors, int maxFrameBytes) {
    this(router, json, errors, maxFrameBytes, Duration.ofSeconds(120));
  }

  /**
   * @param idleTimeout a socket silent this long with no command in progress and no stream is
   *     closed (with 1000)
   */
  public WebSocketCommandHandler(
      CommandRouter router, WireJson json, ErrorMapper errors, int maxFrameBytes, Duration idleTimeout) {
    this.router = router;
    this.json = json;
    this.errors = errors;
    this.maxFrameBytes = maxFrameBytes;
    this.idleTimeout = idleTimeout;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
      origin = handshake.requestHeaders().get(HttpHeaderNames.ORIGIN);
      log.debug("ws.open remote={}", ctx.channel().remoteAddress());
      if (ctx.pipeline().get(HttpTimeouts.class) != null) {
        ctx.pipeline().remove(HttpTimeouts.class);
      }
      ctx.pipeline().addBefore(ctx.name(), "ws-idle",
          new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS));
    } else if (event instanceof IdleStateEvent && inProgress == 0) {
      log.debug("ws.idle remote={} after={}s", ctx.channel().remoteAddress(), idleTimeout.toSeconds());
      closeNormally(ctx.channel(), "idle");
      return;
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof TextWebSocketFrame text) {
      inProgress++;
      router.dispatch(text.text(), origin,
          ClientConnection.of(ctx.channel().remoteAddress(), ctx.channel().localAddress()),
          new SocketSink(ctx.channel(), this::commandDone));
    } else if (frame instanceof CloseWebSocketFrame) {
      answerClose(ctx.channel());
    } else if (frame instanceof BinaryWebSocketFrame) {
      send(ctx.channel(), errorJson(new FunctionalException(
          "Binary frames are not supported: send each command as one JSON text frame")));
    }
  }

  /** One command of this socket is over; runs on the socket's event loop. */
  private void commandDone() {
    inProgress--;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof Error) {
      log.error("ws.error remote={} error=\"{}\"", ctx.channel().remoteAddress(), cause.getClass().getName(), cause);
      send(ctx.channel(), errorJson(new org.libreconnect.protocol.error.TechnicalException(
          "The connector could not process this message (" + cause.getClass().getSimpleName() + ")")));
      closeNormally(ctx.channel(), "internal error");
      return;
    }
    if (cause instanceof TooLongFrameException || cause instanceof CorruptedWebSocketFrameException) {
      boolean tooBig =
          cause instanceof TooLongFrameException
              || String.valueOf(cause.getMessage()).contains("Max frame length");
      String message =
          tooBig
              ? "The message exceeds the connector's limit of " + maxFrameBytes + " bytes (server/max_frame_bytes)"
              : "Invalid WebSocket frame";
      log.warn("ws.rejected remote={} reason=\"{}\"", ctx.channel().remoteAddress(), message);
      send(ctx.channel(), errorJson(new MessageTooLargeException(message)));
      closeNormally(ctx.channel(), tooBig ? "message too big" : "invalid frame");
      return;
    }
    log.debug("ws.error remote={} error=\"{}\"", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }

  private String errorJson(RuntimeException failure) {
    return json.error(errors.toAnswer(failure, null));
  }

  private static void send(Channel channel, String text) {
    if (channel.isActive()) {
      channel.writeAndFlush(new TextWebSocketFrame(text));
    }
  }

  /** The client started the closing handshake: answer with 1000 and end the connection. */
  private static void answerClose(Channel channel) {
    if (channel.attr(CLOSE_SENT).setIfAbsent(Boolean.TRUE) != null) {
      channel.close(); // it answered our own close: the handshake is complete
      return;
    }
    channel
        .writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE.code(), ""))
        .addListener(ChannelFutureListener.CLOSE);
  }

  /**
   * The server ends the socket (after its last frame): close frame with 1000, then the client
   * has a moment to answer, and to finish sending what it had started, before the connection is
   * dropped.
   */
  private static void closeNormally(Channel channel, String reason) {
    if (!channel.isActive() || channel.attr(CLOSE_SENT).setIfAbsent(Boolean.TRUE) != null) {
      return;
    }
    channel.writeAndFlush(
        new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE.code(), reason));
    channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
  }

  /** Answers go back on the socket the command came from. */
  private static final class SocketSink implements ReplySink {
    private final Channel channel;
    private final Runnable onLast;
    private final java.util.concurrent.atomic.AtomicBoolean over =
        new java.util.concurrent.atomic.AtomicBoolean();

    SocketSink(Channel channel, Runnable onLast) {
      this.channel = channel;
      this.onLast = onLast;
    }

    @Override
    public void send(String json, boolean last) {
      WebSocketCommandHandler.send(channel, json);
      if (last && over.compareAndSet(false, true)) {
        if (channel.eventLoop().inEventLoop()) {
          onLast.run();
        } else {
          channel.eventLoop().execute(onLast);
        }
      }
    }

    @Override
    public boolean supportsStreaming() {
      return true;
    }

    @Override
    public void endStream() {
      closeNormally(channel, "");
    }

    @Override
    public void onClose(Runnable action) {
      channel.closeFuture().addListener(future -> action.run());
    }
  }
}
