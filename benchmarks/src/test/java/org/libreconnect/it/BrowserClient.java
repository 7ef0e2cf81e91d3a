package org.libreconnect.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.conscrypt.Conscrypt;
import org.libreconnect.testsupport.ConnectorTrust;

/**
 * A WebSocket client with a browser's network costs, for the "new WebSocket per command" figures:
 * BoringSSL, the TLS library of Chrome, through Conscrypt; a session cache kept between
 * connections, as the browser keeps one; one thread that writes the upgrade, the frame and reads
 * the answer on a blocking socket, as the browser's network stack does without the executor hops
 * of {@link java.net.http.HttpClient}. The connector's CA is the only one it trusts, and it checks
 * the host name. Frames it does not expect (fragments, pings, a close) fail the sample.
 */
final class BrowserClient {
  /** The name pages use: sent in SNI and checked against the certificate, on a loopback socket. */
  private static final String HOST = "localhost.icanopee.net";
  private static final int TIMEOUT_MILLIS = 15_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SSLContext tls;
  private final int port;
  private final String origin;
  private final ObjectMapper mapper = new ObjectMapper();

  BrowserClient(Path caCertificate, int port, String origin) throws IOException, GeneralSecurityException {
    this.tls = boringSsl(caCertificate);
    this.port = port;
    this.origin = origin;
  }

  /** A connected socket, TLS handshake done, nothing sent: the bare handshake floor. */
  SSLSocket handshake() throws IOException {
    Socket raw = new Socket();
    try {
      raw.setTcpNoDelay(true);
      raw.setSoTimeout(TIMEOUT_MILLIS);
      raw.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
    } catch (IOException e) {
      raw.close();
      throw e;
    }
    SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(raw, HOST, port, true);
    try {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** A WebSocket after its upgrade. */
  Connection connect() throws IOException {
    return upgrade(handshake());
  }

  /** Upgrades a connected socket to a WebSocket; the socket is closed when that fails. */
  private Connection upgrade(SSLSocket socket) throws IOException {
    try {
      return new Connection(socket, origin);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** One command on a new WebSocket, closed after the answer, as the JS2 wrapper does. */
  JsonNode call(String json) throws IOException {
    try (Connection connection = connect()) {
      return mapper.readTree(connection.call(json));
    }
  }

  /** The phases of one {@link #call}, in milliseconds, and its answer. */
  record Phases(double handshake, double upgrade, double command, double close, JsonNode answer) {}

  /**
   * {@link #call}, timed phase by phase: the TCP connection and TLS handshake, the upgrade
   * (request written until the 101 is read), the command (frame written until the answer is
   * read), the close (close frame and TLS close_notify written, socket closed).
   */
  Phases timedCall(String json) throws IOException {
    long start = System.nanoTime();
    SSLSocket socket = handshake();
    long handshaken = System.nanoTime();
    Connection connection = upgrade(socket);
    long upgraded = System.nanoTime();
    String answer;
    try {
      answer = connection.call(json);
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
    long answered = System.nanoTime();
    connection.close();
    long closed = System.nanoTime();
    return new Phases(millis(handshaken - start), millis(upgraded - handshaken), millis(answered - upgraded),
        millis(closed - answered), mapper.readTree(answer));
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  /** An upgraded WebSocket: one text frame out, one back. */
  static final class Connection implements AutoCloseable {
    private final SSLSocket socket;
    private final OutputStream out;
    private final InputStream in;

    private Connection(SSLSocket socket, String origin) throws IOException {
      this.socket = socket;
      this.out = new BufferedOutputStream(socket.getOutputStream());
      this.in = new BufferedInputStream(socket.getInputStream());
      byte[] key = new byte[16];
      RANDOM.nextBytes(key);
      out.write(("GET / HTTP/1.1\r\nHost: " + HOST + ":" + socket.getPort()
          + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
          + Base64.getEncoder().encodeToString(key) + "\r\nOrigin: " + origin + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String head = readHead();
      if (!head.startsWith("HTTP/1.1 101")) {
        throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(""));
      }
    }

    /** Sends {@code json} as one masked text frame and returns the next frame's text. */
    String call(String json) throws IOException {
      writeFrame(0x1, json.getBytes(StandardCharsets.UTF_8));
      return readTextFrame();
    }

    @Override
    public void close() throws IOException {
      try {
        writeFrame(0x8, new byte[] {0x03, (byte) 0xe8});
      } finally {
        socket.close();
      }
    }

    private String readHead() throws IOException {
      StringBuilder head = new StringBuilder(256);
      int length = 0;
      while (length < 4 || head.charAt(length - 1) != '\n' || head.charAt(length - 2) != '\r'
          || head.charAt(length - 3) != '\n' || head.charAt(length - 4) != '\r') {
        int b = in.read();
        if (b < 0 || length > 8192) {
          throw new EOFException("no complete upgrade answer");
        }
        head.append((char) b);
        length++;
      }
      return head.toString();
    }

    private void writeFrame(int opcode, byte[] payload) throws IOException {
      out.write(0x80 | opcode);
      if (payload.length < 126) {
        out.write(0x80 | payload.length);
      } else if (payload.length < 65_536) {
        out.write(0x80 | 126);
        out.write(payload.length >>> 8);
        out.write(payload.length);
      } else {
        out.write(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8) {
          out.write((int) ((long) payload.length >>> shift));
        }
      }
      byte[] mask = new byte[4];
      RANDOM.nextBytes(mask);
      out.write(mask);
      byte[] masked = new byte[payload.length];
      for (int i = 0; i < payload.length; i++) {
        masked[i] = (byte) (payload[i] ^ mask[i & 3]);
      }
      out.write(masked);
      out.flush();
    }

    private String readTextFrame() throws IOException {
      int first = readByte();
      int second = readByte();
      if (first != 0x81 || (second & 0x80) != 0) {
        throw new IOException("expected one unmasked final text frame, got 0x" + Integer.toHexString(first));
      }
      long length = second & 0x7f;
      int extra = length == 126 ? 2 : length == 127 ? 8 : 0;
      if (extra > 0) {
        length = 0;
        for (int i = 0; i < extra; i++) {
          length = (length << 8) | readByte();
        }
      }
      if (length > 64L * 1024 * 1024) {
        throw new IOException("frame too large: " + length);
      }
      byte[] payload = in.readNBytes((int) length);
      if (payload.length != length) {
        throw new EOFException("frame cut short");
      }
      return new String(payload, StandardCharsets.UTF_8);
    }

    private int readByte() throws IOException {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed before the answer");
      }
      return b;
    }
  }

  private static SSLContext boringSsl(Path caCertificate) throws IOException, GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS", Conscrypt.newProvider());
    context.init(null, new TrustManager[] {new Tls13AuthType(ConnectorTrust.trustManager(caCertificate))}, null);
    return context;
  }

  /**
   * The JDK's PKIX trust manager behind Conscrypt: Conscrypt names the TLS 1.3 key exchange
   * "GENERIC", which the JDK's checker does not know; the JDK's own TLS 1.3 client says "UNKNOWN".
   */
  private static final class Tls13AuthType extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager jdk;

    Tls13AuthType(X509ExtendedTrustManager jdk) {
      this.jdk = jdk;
    }

    private static String authType(String type) {
      return "GENERIC".equals(type) ? "UNKNOWN" : type;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String type, Socket socket) throws CertificateException {
      jdk.checkServerTrusted(chain, authType(type), socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String type, SSLEngine engine) throws CertificateException {
      jdk.checkServerTrusted(chain, authType(type), engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String type) throws CertificateException {
      jdk.checkServerTrusted(chain, authType(type));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String type, Socket socket) throws CertificateException {
      throw new CertificateException("a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String type, SSLEngine engine) throws CertificateException {
      throw new CertificateException("a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String type) throws CertificateException {
      throw new CertificateException("a client only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return jdk.getAcceptedIssuers();
    }
  }
}
