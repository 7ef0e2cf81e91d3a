package org.libreconnect.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * TLS sockets to the connector's port that trust its CA and send whatever bytes a test writes:
 * for what a well-behaved HTTP client will not do (forged Host headers, garbage, slow or huge
 * bodies, renegotiation).
 */
public final class RawTls {
  private final SSLContext tls;
  private final int port;

  public RawTls(Path caCertificate, int port) throws IOException, GeneralSecurityException {
    tls = ConnectorTrust.sslContext(caCertificate);
    this.port = port;
  }

  /** A connected socket, handshake done, with the given protocols (e.g. "TLSv1.2"). */
  public SSLSocket open(String... protocols) throws IOException {
    SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
    if (protocols.length > 0) {
      socket.setEnabledProtocols(protocols);
    }
    socket.setSoTimeout(15_000);
    socket.startHandshake();
    return socket;
  }

  /** Writes {@code text} (ISO-8859-1) and flushes. */
  public static void write(SSLSocket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  /**
   * Reads what the server sends until it closes the connection (or the socket times out), at
   * most {@code max} bytes.
   */
  public static String readUntilClosed(SSLSocket socket, int max) throws IOException {
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[4096];
    InputStream in = socket.getInputStream();
    try {
      for (int n; text.length() < max && (n = in.read(buffer)) > 0; ) {
        text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      }
    } catch (java.net.SocketException | javax.net.ssl.SSLException closed) {
      // the server dropped the connection: what it sent before is the answer
    }
    return text.toString();
  }
}
