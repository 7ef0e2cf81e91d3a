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
import java.util.function.Supplier;

/** The connector port's pipeline, in the order a request meets it. */
public final class ConnectorInitializer extends ChannelInitializer<SocketChannel> {
  private final SslContext sslContext;
  private final OriginGate originGate;
  private final Supplier<PageHandler> pages;
  private final Supplier<WebSocketCommandHandler> commands;
  private final int maxFrameBytes;

  public ConnectorInitializer(
      SslContext sslContext,
      OriginGate originGate,
      Supplier<PageHandler> pages,
      Supplier<WebSocketCommandHandler> commands,
      int maxFrameBytes) {
    this.sslContext = sslContext;
    this.originGate = originGate;
    this.pages = pages;
    this.commands = commands;
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ch.pipeline()
        .addLast("tls", sslContext.newHandler(ch.alloc()))
        .addLast("http", new HttpServerCodec())
        .addLast("aggregate", new HttpObjectAggregator(maxFrameBytes))
        .addLast("pages", pages.get()) // GET /, /status.json, /health, POST /api/*
        .addLast("origin", originGate) // 403 before any upgrade
        .addLast("ws", new WebSocketServerProtocolHandler(webSocketConfig()))
        .addLast("ws-aggregate", new WebSocketFrameAggregator(maxFrameBytes))
        .addLast("commands", commands.get()); // routes; never blocks the event loop
  }

  private WebSocketServerProtocolConfig webSocketConfig() {
    return WebSocketServerProtocolConfig.newBuilder()
        .websocketPath("/")
        .subprotocols("*") // echo whatever the client offers first
        .checkStartsWith(false)
        .handleCloseFrames(false) // WebSocketCommandHandler answers with 1000
        .handshakeTimeoutMillis(10_000)
        .decoderConfig(
            WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(maxFrameBytes)
                .allowExtensions(true)
                .closeOnProtocolViolation(false)
                .build())
        .build();
  }
}
