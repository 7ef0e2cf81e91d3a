package org.libreconnect.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A JS2 client as web pages use it: a new WebSocket per command, one text frame out, one back,
 * then a normal close. TLS is verified against the connector's own CA, nothing is trusted
 * blindly.
 */
public final class Js2Client {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final URI socketUri;
  private final URI baseUri;
  private final ObjectMapper mapper = new ObjectMapper();

  public Js2Client(Path caCertificate, int port) throws IOException, GeneralSecurityException {
    SSLContext tls = ConnectorTrust.sslContext(caCertificate);
    this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(TIMEOUT).build();
    this.socketUri = URI.create("wss://127.0.0.1:" + port + "/");
    this.baseUri = URI.create("https://127.0.0.1:" + port);
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** Sends one command on a fresh socket from {@code origin} and returns the parsed answer. */
  public JsonNode call(String origin, String json) throws Exception {
    try (Connection connection = connect(origin)) {
      connection.send(json);
      return mapper.readTree(connection.next());
    }
  }

  /** Opens a socket; the handshake fails with a {@link java.net.http.WebSocketHandshakeException}. */
  public Connection connect(String origin) throws Exception {
    return connect(origin, "/");
  }

  /** Opens a socket on {@code pathAndQuery} (for example {@code "/?x=1"}). */
  public Connection connect(String origin, String pathAndQuery) throws Exception {
    URI target = socketUri.resolve(pathAndQuery);
    Connection connection = new Connection();
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(TIMEOUT);
    if (origin != null) {
      builder.header("Origin", origin);
    }
    connection.socket = builder.buildAsync(target, connection).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return connection;
  }

  /** GET on the HTTPS side of the port. */
  public HttpResponse<String> get(String path, String origin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(TIMEOUT).GET();
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An OPTIONS request, as a browser's CORS preflight. */
  public HttpResponse<String> options(String path, String origin, String header, String value) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(baseUri.resolve(path))
            .timeout(TIMEOUT)
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Access-Control-Request-Method", "GET")
            .header(header, value);
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** POST of a JSON body, as REST clients do. */
  public HttpResponse<String> post(String path, String origin, String body, String contentType) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(baseUri.resolve(path))
            .timeout(TIMEOUT)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An open socket: frames arrive in a queue; the close status is recorded. */
  public static final class Connection implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.completeExceptionally(error);
    }

    public void send(String json) throws Exception {
      socket.sendText(json, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The next frame, waiting up to 30 s. */
    public String next() throws InterruptedException {
      String frame = frames.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (frame == null) {
        throw new AssertionError("no frame within " + TIMEOUT);
      }
      return frame;
    }

    /** The next frame if one comes within {@code wait}. */
    public String poll(Duration wait) throws InterruptedException {
      return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The status of the close frame the server sent, once it did. */
    public CompletableFuture<Integer> closed() {
      return closed;
    }

    /** Sends a close frame, as a browser's {@code close()} does, and waits for the echo. */
    public int closeAndAwaitEcho() throws Exception {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      if (!socket.isOutputClosed()) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
      }
      socket.abort();
    }
  }
}
