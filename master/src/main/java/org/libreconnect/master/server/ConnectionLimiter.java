package org.libreconnect.master.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the connections one peer address may hold open at once; past the cap a new connection is
 * closed before its TLS handshake. On a workstation every peer is the loopback address, so the
 * cap is, in effect, one for the whole port.
 */
@ChannelHandler.Sharable
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ConnectionLimiter.class);

  private final int maxPerPeer;
  private final Map<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();

  public ConnectionLimiter(int maxPerPeer) {
    this.maxPerPeer = maxPerPeer;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    InetAddress peer = peerOf(ctx.channel().remoteAddress());
    AtomicInteger count = open.computeIfAbsent(peer, any -> new AtomicInteger());
    if (count.incrementAndGet() > maxPerPeer) {
      if (refused.getAndIncrement() % 100 == 0) {
        log.warn("connection.refused peer={} reason=\"more than {} connections open\"", peer, maxPerPeer);
      }
      ctx.close();
      return;
    }
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    InetAddress peer = peerOf(ctx.channel().remoteAddress());
    open.computeIfPresent(peer, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    super.channelInactive(ctx);
  }

  /** Connections refused so far, for the status page. */
  public long refused() {
    return refused.get();
  }

  private static InetAddress peerOf(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress();
    }
    return InetAddress.getLoopbackAddress();
  }
}
