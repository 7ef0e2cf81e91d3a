package org.libreconnect.master.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.InetSocketAddress;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import org.libreconnect.master.tls.NoClientCertificates;
import org.libreconnect.master.tls.SingleKeyManager;

/** Binds the connector's TLS port. */
public final class ConnectorServer implements AutoCloseable {
  private Channel channel;

  /** TLS 1.2 and 1.3 only, with the implementation {@link TlsProvider} picks for this master. */
  public static SslContext sslContext(PrivateKey key, List<X509Certificate> chain) throws SSLException {
    return sslContext(key, chain, TlsProvider.forThisMaster());
  }

  /**
   * TLS 1.2 and 1.3 only, with {@code provider}'s implementation; the key and chain go to it as
   * they are ({@link SingleKeyManager}) and no client is trusted ({@link NoClientCertificates}):
   * both spare the master's start work it does not need.
   */
  public static SslContext sslContext(PrivateKey key, List<X509Certificate> chain, SslProvider provider)
      throws SSLException {
    return SslContextBuilder.forServer(new SingleKeyManager(key, chain))
        .trustManager(new NoClientCertificates())
        .clientAuth(ClientAuth.NONE)
        .sslProvider(provider)
        .protocols("TLSv1.3", "TLSv1.2")
        .build();
  }

  public void start(EventLoopGroup boss, EventLoopGroup workers, InetSocketAddress address,
      ConnectorInitializer initializer) throws InterruptedException {
    channel =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childHandler(initializer)
            .bind(address)
            .sync()
            .channel();
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
  }
}
