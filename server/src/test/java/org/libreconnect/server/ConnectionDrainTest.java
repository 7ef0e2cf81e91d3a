package org.libreconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libreconnect.testsupport.KeptAliveHttp;

/**
 * The graceful stop's connection drain on a real loopback server (plain HTTP, no TLS): a request
 * that a client sends on a kept-alive connection after the stop began is answered, a request in
 * progress is not cut, a quiet connection is closed, and the deadline closes what is left.
 */
class ConnectionDrainTest {
  private static final Duration QUIET = Duration.ofMillis(400);

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  private final ConnectionDrain drain = new ConnectionDrain();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private Channel listener;
  private int port;

  @BeforeEach
  void start() throws InterruptedException {
    listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(drain.bytes()).addLast(new HttpServerCodec())
                .addLast(new HttpObjectAggregator(4096)).addLast(drain.requests()).addLast(new Answer());
          }
        })
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    port = ((InetSocketAddress) listener.localAddress()).getPort();
  }

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  /** Answers after the delay the path names ({@code /wait/300}); closes the connection once stopping. */
  private final class Answer extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      long delay = request.uri().startsWith("/wait/") ? Long.parseLong(request.uri().substring(6)) : 0;
      ctx.executor().schedule(() -> {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
            Unpooled.copiedBuffer("ok", StandardCharsets.US_ASCII));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 2);
        if (stopping.get()) {
          response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
          ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
          ctx.writeAndFlush(response);
        }
      }, delay, TimeUnit.MILLISECONDS);
    }
  }

  /** Begins the stop as the server mode does and drains on another thread. */
  private CompletableFuture<Integer> beginStop(Duration deadline) {
    stopping.set(true);
    listener.close().syncUninterruptibly();
    CompletableFuture<Integer> stopped = new CompletableFuture<>();
    Thread.ofPlatform().name("drain").start(() -> {
      try {
        stopped.complete(drain.drain(QUIET, deadline));
      } catch (InterruptedException e) {
        stopped.completeExceptionally(e);
      }
    });
    return stopped;
  }

  @Test
  void aRequestSentOnAnOpenConnectionAfterTheStopBeganIsAnswered() throws Exception {
    try (Client client = new Client(port)) {
      assertThat(client.get("/")).isEqualTo("keep-alive");
      CompletableFuture<Integer> stopped = beginStop(Duration.ofSeconds(10));
      Thread.sleep(QUIET.toMillis() / 2);
      assertThat(client.get("/")).as("answered, then closed").isEqualTo("close");
      assertThat(client.atEnd()).isTrue();
      assertThat(stopped.get(5, TimeUnit.SECONDS)).as("connections cut at the deadline").isZero();
      assertThat(drain.openCount()).isZero();
    }
  }

  @Test
  void aRequestInProgressIsNotCutByTheQuietPeriod() throws Exception {
    try (Client client = new Client(port)) {
      client.send("/wait/" + QUIET.multipliedBy(4).toMillis());
      Thread.sleep(50);
      CompletableFuture<Integer> stopped = beginStop(Duration.ofSeconds(10));
      assertThat(client.readAnswer()).isEqualTo("close");
      assertThat(stopped.get(5, TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void aQuietConnectionIsClosedAndTheStopEnds() throws Exception {
    try (Client client = new Client(port)) {
      assertThat(client.get("/")).isEqualTo("keep-alive");
      long start = System.nanoTime();
      CompletableFuture<Integer> stopped = beginStop(Duration.ofSeconds(10));
      assertThat(stopped.get(5, TimeUnit.SECONDS)).isZero();
      assertThat(System.nanoTime() - start).as("not before the quiet period").isGreaterThanOrEqualTo(QUIET.toNanos());
      assertThat(client.atEnd()).isTrue();
    }
  }

  @Test
  void theDeadlineClosesWhatIsStillBusy() throws Exception {
    try (Client client = new Client(port)) {
      client.send("/wait/60000");
      Thread.sleep(50);
      CompletableFuture<Integer> stopped = beginStop(Duration.ofMillis(400));
      assertThat(stopped.get(5, TimeUnit.SECONDS)).as("one connection cut").isEqualTo(1);
      assertThat(client.atEnd()).isTrue();
      assertThat(drain.openCount()).isZero();
    }
  }

  /** A blocking HTTP/1.1 client on one kept-alive connection. */
  private static final class Client implements AutoCloseable {
    private final Socket socket;
    private final KeptAliveHttp http;

    Client(int port) throws IOException {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setSoTimeout(5000);
      http = new KeptAliveHttp(socket);
    }

    void send(String path) throws IOException {
      http.send("GET", path, "", new byte[0]);
    }

    /** Reads one answer; returns its Connection header. */
    String readAnswer() throws IOException {
      KeptAliveHttp.Answer answer = http.read();
      assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 200 OK");
      return answer.connection();
    }

    String get(String path) throws IOException {
      send(path);
      return readAnswer();
    }

    /** Whether the server closed the connection (end of stream, or a reset after it). */
    boolean atEnd() throws IOException {
      try {
        return http.endOfStream();
      } catch (java.net.SocketException e) {
        return true;
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
