package org.libreconnect.master.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslProvider;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.libreconnect.master.tls.ServerCertificates;
import org.libreconnect.testsupport.ConnectorTrust;

class TlsProviderTest {
  @TempDir Path dir;

  @Test
  void openSslWhereItLoadsUnlessTheJdkIsAskedFor() {
    assertThat(TlsProvider.choose("auto", true)).isEqualTo(SslProvider.OPENSSL);
    assertThat(TlsProvider.choose(null, true)).isEqualTo(SslProvider.OPENSSL);
    assertThat(TlsProvider.choose(" JDK ", true)).isEqualTo(SslProvider.JDK);
    assertThat(TlsProvider.choose("openssl", true)).isEqualTo(SslProvider.OPENSSL);
    assertThat(TlsProvider.choose("openssl", false)).as("a port that opens").isEqualTo(SslProvider.JDK);
    assertThat(TlsProvider.choose("auto", false)).isEqualTo(SslProvider.JDK);
    assertThat(TlsProvider.choose("boringssl", true)).as("unknown: auto").isEqualTo(SslProvider.OPENSSL);
  }

  @Test
  void openSslLoadsOnThisLinuxMachine() {
    assertThat(OpenSsl.isAvailable()).as("netty-tcnative for linux-x86_64: %s", OpenSsl.unavailabilityCause()).isTrue();
    assertThat(TlsProvider.forThisMaster()).isEqualTo(SslProvider.OPENSSL);
  }

  /**
   * A JDK client completes TLS 1.3 and 1.2 with the connector's certificate through each
   * implementation, and its next connection resumes the session from the ticket the server sent
   * (BoringSSL makes and rotates its ticket keys itself; the JDK's issues stateless tickets).
   */
  @ParameterizedTest
  @EnumSource(value = SslProvider.class, names = {"JDK", "OPENSSL"})
  void aClientTrustingTheConnectorsCaCompletesAHandshakeAndResumesIt(SslProvider provider) throws Exception {
    ServerCertificates certificates = new ServerCertificates(dir, "localhost.icanopee.net", Clock.systemUTC());
    ServerCertificates.Material material = certificates.ensure();
    SslContext context = ConnectorServer.sslContext(material.key(), material.chain(), provider);
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel server = new ServerBootstrap()
          .group(group)
          .channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(context.newHandler(ch.alloc()), new ChannelInboundHandlerAdapter() {
                @Override
                public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                  // the first bytes after the handshake, as the upgrade's answer: tickets go with them
                  if (event instanceof SslHandshakeCompletionEvent done && done.isSuccess()) {
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'!'}));
                  }
                }
              });
            }
          })
          .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
      int port = ((InetSocketAddress) server.localAddress()).getPort();
      for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
        SSLContext client = ConnectorTrust.sslContext(certificates.caCertificateFile());
        SSLSocket first = handshake(client, port, protocol);
        assertThat(first.getSession().getProtocol()).isEqualTo(protocol);
        assertThat(first.getSession().getPeerCertificates()[0]).isEqualTo(material.serverCertificate());
        readTickets(first);
        SSLSocket second = handshake(client, port, protocol);
        assertThat(second.getSession().getCreationTime())
            .as("the second connection resumes the first one's session (%s, %s)", provider, protocol)
            .isEqualTo(first.getSession().getCreationTime());
        first.close();
        second.close();
      }
      server.close().sync();
    } finally {
      group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
    }
  }

  private static SSLSocket handshake(SSLContext client, int port, String protocol) throws Exception {
    SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", port);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setProtocols(new String[] {protocol});
    parameters.setServerNames(java.util.List.of(new javax.net.ssl.SNIHostName("localhost.icanopee.net")));
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    socket.setSSLParameters(parameters);
    socket.startHandshake();
    return socket;
  }

  /** TLS 1.3 tickets come after the handshake, before the server's first bytes: reading those stores them. */
  private static void readTickets(SSLSocket socket) throws Exception {
    socket.setSoTimeout(5_000);
    assertThat(socket.getInputStream().read()).isEqualTo('!');
  }
}
