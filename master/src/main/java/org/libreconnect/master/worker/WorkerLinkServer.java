package org.libreconnect.master.worker;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.link.LinkCodec;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loopback port workers connect back to. A connection becomes a worker's link only after
 * its first frame carries the token the master handed that worker on its standard input,
 * compared in constant time.
 */
public final class WorkerLinkServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerLinkServer.class);
  private static final AttributeKey<WorkerHandle> WORKER = AttributeKey.valueOf("worker");
  private static final int HELLO_TIMEOUT_SECONDS = 30;

  private final LinkCodec codec;
  private final WireJson json;
  private final Map<String, WorkerHandle> expected = new ConcurrentHashMap<>();
  private Channel serverChannel;

  public WorkerLinkServer(LinkCodec codec, WireJson json) {
    this.codec = codec;
    this.json = json;
  }

  /**
   * Binds an ephemeral loopback port. {@code group} should be the link's own: a flood on the
   * public port then cannot delay the workers' answers, and the reverse.
   */
  public void start(EventLoopGroup group) throws InterruptedException {
    serverChannel =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast("hello-timeout", new ReadTimeoutHandler(HELLO_TIMEOUT_SECONDS))
                        .addLast("frames", new LinkFrameDecoder(codec.maxFrameBytes()))
                        .addLast("length", new LengthFieldPrepender(LinkCodec.LENGTH_FIELD_BYTES))
                        .addLast("codec", new LinkFrameCodec(codec))
                        .addLast("link", new LinkHandler());
                  }
                })
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .sync()
            .channel();
    log.info("link.listen port={}", port());
  }

  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** Registers the token a starting worker will present. */
  void expect(String token, WorkerHandle worker) {
    expected.put(token, worker);
  }

  /** Forgets a token (the worker connected, or never will). */
  void forget(String token) {
    expected.remove(token);
  }

  private WorkerHandle authenticate(LinkMessages.Hello hello) {
    byte[] presented = String.valueOf(hello.token()).getBytes(StandardCharsets.US_ASCII);
    for (Map.Entry<String, WorkerHandle> entry : expected.entrySet()) {
      byte[] known = entry.getKey().getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(known, presented) && entry.getValue().pid() == hello.pid()) {
        expected.remove(entry.getKey());
        return entry.getValue();
      }
    }
    return null;
  }

  @Override
  public void close() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
  }

  private final class LinkHandler extends SimpleChannelInboundHandler<LinkFrame> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, LinkFrame frame) {
      WorkerHandle worker = ctx.channel().attr(WORKER).get();
      if (worker == null) {
        onHello(ctx, frame);
        return;
      }
      if (frame.kind() == LinkFrame.Kind.REPLY || frame.kind() == LinkFrame.Kind.FINAL) {
        worker.onFrame(frame);
      } else if (frame.kind() == LinkFrame.Kind.REQUEST) {
        onWorkerRequest(worker, frame);
      } else {
        log.warn("link.unexpected worker={} kind={}", worker.id(), frame.kind());
      }
    }

    /**
     * A worker's own request, which gets no answer: {@code link.retire} (replace me) or {@code
     * link.rehearsed} (what my JVM archives when I exit is worth keeping).
     */
    private void onWorkerRequest(WorkerHandle worker, LinkFrame frame) {
      try {
        LinkMessages.Retire request =
            json.mapper().readValue(frame.payload(), LinkMessages.Retire.class);
        if (LinkMessages.RETIRE.equals(request.commandName())) {
          worker.retire(request.reason() == null ? "asked by the worker" : request.reason());
          return;
        }
        if (LinkMessages.REHEARSED.equals(request.commandName())) {
          worker.rehearsed();
          return;
        }
      } catch (Exception e) {
        // reported below
      }
      log.warn("link.unexpected worker={} kind=REQUEST", worker.id());
    }

    private void onHello(ChannelHandlerContext ctx, LinkFrame frame) {
      WorkerHandle worker = null;
      if (frame.kind() == LinkFrame.Kind.HELLO) {
        try {
          worker = authenticate(json.mapper().readValue(frame.payload(), LinkMessages.Hello.class));
        } catch (Exception e) {
          log.warn("link.hello.invalid remote={}", ctx.channel().remoteAddress());
        }
      }
      if (worker == null) {
        log.warn("link.refused remote={} reason=\"bad or missing token\"",
            ctx.channel().remoteAddress());
        ctx.close();
        return;
      }
      ctx.pipeline().remove("hello-timeout");
      ((LinkFrameDecoder) ctx.pipeline().get("frames")).authenticated(codec.maxFrameBytes());
      ctx.channel().attr(WORKER).set(worker);
      worker.linkEstablished(ctx.channel());
      log.info("worker.ready worker={} pid={}", worker.id(), worker.pid());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      WorkerHandle worker = ctx.channel().attr(WORKER).get();
      if (worker != null) {
        worker.linkClosed();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      WorkerHandle worker = ctx.channel().attr(WORKER).get();
      if (worker == null) {
        log.warn("link.refused remote={} reason=\"{}\"", ctx.channel().remoteAddress(),
            cause.getClass().getSimpleName());
        ctx.close();
        return;
      }
      log.warn("link.error worker={} error=\"{}\"", worker == null ? "-" : worker.id(),
          cause.toString());
      ctx.close();
    }
  }
}
