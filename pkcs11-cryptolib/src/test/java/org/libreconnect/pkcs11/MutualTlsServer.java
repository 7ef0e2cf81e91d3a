package org.libreconnect.pkcs11;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.libreconnect.simulator.pki.ServerCredentials;

/**
 * A TLS server on 127.0.0.1 that requires a client certificate, records what each handshake showed
 * it, answers one byte and closes. A handshake the server rejects is recorded with its failure.
 *
 * <p>When it refuses a client certificate the server waits {@link #REFUSAL_DELAY_MS} before sending
 * its alert. On loopback it would otherwise close while the client is still writing the rest of its
 * TLS 1.2 flight, and the client would see "Broken pipe" instead of the alert, which over a real
 * network it reads.
 */
final class MutualTlsServer implements AutoCloseable {
  private static final char[] PASSWORD = "server-keystore".toCharArray();
  static final long REFUSAL_DELAY_MS = 300;

  /** What the server saw of one client. */
  record Seen(List<Certificate> peerChain, String protocol, List<String> peerSignatureAlgorithms, Exception failure) {}

  private final SSLServerSocket socket;
  private final LinkedBlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();

  MutualTlsServer(ServerCredentials credentials, List<X509Certificate> trustedRoots, String... protocols)
      throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("server", credentials.keys().getPrivate(), PASSWORD, credentials.certificateChain());
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
    keyManagers.init(keys, PASSWORD);
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    for (int i = 0; i < trustedRoots.size(); i++) {
      trusted.setCertificateEntry("root-" + i, trustedRoots.get(i));
    }
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
    trustManagers.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    X509ExtendedTrustManager pkix = (X509ExtendedTrustManager) trustManagers.getTrustManagers()[0];
    context.init(keyManagers.getKeyManagers(), new TrustManager[] {new SlowToRefuse(pkix)}, null);
    socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    socket.setNeedClientAuth(true);
    if (protocols.length > 0) {
      socket.setEnabledProtocols(protocols);
    }
    Thread thread = new Thread(this::serve, "mutual-tls-server");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** The next handshake the server finished (or failed), waiting up to 10 s. */
  Seen next() throws InterruptedException {
    Seen next = seen.poll(10, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("the server saw no handshake");
    }
    return next;
  }

  private void serve() {
    try {
      while (!socket.isClosed()) {
        try (SSLSocket client = (SSLSocket) socket.accept()) {
          client.setTcpNoDelay(true);
          try {
            client.startHandshake();
            ExtendedSSLSession session = (ExtendedSSLSession) client.getSession();
            seen.add(new Seen(List.of(session.getPeerCertificates()), session.getProtocol(),
                List.of(session.getPeerSupportedSignatureAlgorithms()), null));
            client.getOutputStream().write(42);
            client.getOutputStream().flush();
          } catch (IOException e) {
            seen.add(new Seen(List.of(), "", List.of(), e));
          }
        }
      }
    } catch (SocketException closed) {
      // close() was called
    } catch (IOException e) {
      seen.add(new Seen(List.of(), "", List.of(), e));
    } finally {
      stopped.complete(null);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      stopped.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("the server thread did not stop", e);
    }
  }

  /** PKIX checking of clients that delays a refusal (see the class comment); servers are not checked here. */
  private static final class SlowToRefuse extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager pkix;

    SlowToRefuse(X509ExtendedTrustManager pkix) {
      this.pkix = pkix;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      try {
        pkix.checkClientTrusted(chain, authType, socket);
      } catch (CertificateException e) {
        pause();
        throw e;
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      try {
        pkix.checkClientTrusted(chain, authType, engine);
      } catch (CertificateException e) {
        pause();
        throw e;
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      try {
        pkix.checkClientTrusted(chain, authType);
      } catch (CertificateException e) {
        pause();
        throw e;
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("this trust manager only checks clients");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("this trust manager only checks clients");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("this trust manager only checks clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return pkix.getAcceptedIssuers();
    }

    private static void pause() {
      try {
        Thread.sleep(REFUSAL_DELAY_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
