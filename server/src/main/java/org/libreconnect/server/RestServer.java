package org.libreconnect.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty HTTPS listener of the server mode and its graceful stop: the readiness endpoint turns
 * 503 and every answer closes its connection (a load balancer drains the instance), the listening
 * socket closes (new connections go to other instances), the requests in flight and those still
 * arriving on open connections are served while connections quiet for {@link #DRAIN_QUIET} are
 * closed ({@link ConnectionDrain}), then the service stops.
 */
public final class RestServer implements AutoCloseable {
  /** Largest request body (a document sent with {@code sendDocument} travels in base64). */
  public static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
  /** How long an open connection stays silent before a graceful stop closes it. */
  static final Duration DRAIN_QUIET = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(RestServer.class);

  private final RestService service;
  private final ExecutorService executor;
  private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoopGroup io = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  private final Channel channel;
  private final DmpAccess dmp;
  private final ConnectionDrain drain = new ConnectionDrain();

  private RestServer(RestService service, ExecutorService executor, DmpAccess dmp, SslContext tls,
      InetSocketAddress address) throws InterruptedException {
    this.service = service;
    this.executor = executor;
    this.dmp = dmp;
    this.channel = new ServerBootstrap()
        .group(boss, io)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 256)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline()
                .addLast(drain.bytes())
                .addLast(tls.newHandler(ch.alloc()))
                .addLast(new ReadTimeoutHandler(120))
                .addLast(new IdleStateHandler(0, 0, 300))
                .addLast(new HttpServerCodec(8192, 16 * 1024, 64 * 1024))
                .addLast(new HttpObjectAggregator(MAX_BODY_BYTES))
                .addLast(drain.requests())
                .addLast(new RestHandler(service));
          }
        })
        .bind(address).sync().channel();
  }

  /** Starts listening on {@code address}. */
  public static RestServer start(RestService service, ExecutorService executor, DmpAccess dmp, SslContext tls,
      InetSocketAddress address) throws InterruptedException {
    return new RestServer(service, executor, dmp, tls, address);
  }

  /** The port listened on. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /**
   * Stops gracefully, waiting at most {@code grace} for the requests in flight and for those that
   * clients are still sending on open connections.
   */
  public void stop(Duration grace) {
    service.stopTaking();
    channel.close().awaitUninterruptibly();
    int cut;
    try {
      cut = drain.drain(DRAIN_QUIET, grace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cut = drain.openCount();
    }
    log.info("server.stopping inFlight={} connectionsCut={}", service.inFlightCount(), cut);
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    io.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    dmp.close();
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(5));
  }
}
