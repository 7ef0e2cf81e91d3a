package org.libreconnect.master.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.time.Duration;
import java.util.function.Supplier;

/** The connector port's pipeline, in the order a request meets it. */
public final class ConnectorInitializer extends ChannelInitializer<SocketChannel> {
  /** Time a client has to complete the TLS handshake. */
  static final Duration TLS_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  private final SslContext sslContext;
  private final ConnectionLimiter limiter;
  private final InFlightBytes inFlight;
  private final Supplier<RequestGate> gate;
  private final Supplier<PageHandler> pages;
  private final Supplier<WebSocketCommandHandler> commands;
  private final Limits limits;

  /**
   * @param maxFrameBytes largest WebSocket message
   * @param maxRestBodyBytes largest HTTP request body (REST commands)
   * @param requestTimeout time to send one whole HTTP request
   * @param idleTimeout time a connection may stay silent with nothing in progress
   */
  public record Limits(
      int maxFrameBytes, int maxRestBodyBytes, Duration requestTimeout, Duration idleTimeout) {}

  public ConnectorInitializer(
      SslContext sslContext,
      ConnectionLimiter limiter,
      InFlightBytes inFlight,
      Supplier<RequestGate> gate,
      Supplier<PageHandler> pages,
      Supplier<WebSocketCommandHandler> commands,
      Limits limits) {
    this.sslContext = sslContext;
    this.limiter = limiter;
    this.inFlight = inFlight;
    this.gate = gate;
    this.pages = pages;
    this.commands = commands;
    this.limits = limits;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    SslHandler tls = sslContext.newHandler(ch.alloc());
    tls.setHandshakeTimeoutMillis(TLS_HANDSHAKE_TIMEOUT.toMillis());
    ch.pipeline()
        .addLast("limit", limiter) // connections per peer, before any TLS work
        .addLast("tls", tls)
        .addLast("in-flight", inFlight.counter()) // bytes of messages not yet complete, all connections
        .addLast("http", new HttpServerCodec())
        .addLast("http-timeouts", new HttpTimeouts(limits.requestTimeout(), limits.idleTimeout()))
        .addLast("gate", gate.get()) // Host, origin, body limits: on the head, before any body
        .addLast("aggregate", new HttpObjectAggregator(limits.maxRestBodyBytes()))
        .addLast("in-flight-http", inFlight.release())
        .addLast("pages", pages.get()) // GET /, /status.json, /health, POST /api/*
        .addLast("ws", new WebSocketServerProtocolHandler(webSocketConfig()))
        .addLast("ws-aggregate", new WebSocketFrameAggregator(limits.maxFrameBytes()))
        .addLast("in-flight-ws", inFlight.release())
        .addLast("commands", commands.get()); // routes; never blocks the event loop
  }

  private WebSocketServerProtocolConfig webSocketConfig() {
    return WebSocketServerProtocolConfig.newBuilder()
        .websocketPath("/")
        .subprotocols("*") // echo whatever the client offers first
        .checkStartsWith(true) // "/?x=1" too; the page handler lets only the path "/" through
        .handleCloseFrames(false) // WebSocketCommandHandler answers with 1000
        .handshakeTimeoutMillis(10_000)
        .decoderConfig(
            WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(limits.maxFrameBytes())
                .allowExtensions(true)
                .closeOnProtocolViolation(false)
                .build())
        .build();
  }
}
