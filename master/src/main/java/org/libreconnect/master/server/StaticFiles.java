package org.libreconnect.master.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Serves the examples page and the JS client library from the class path under {@code
 * /examples/}, and the installation's CA certificate as {@code /ca.crt}. Only names made of
 * letters, digits, dots, dashes and underscores are looked up, with a known extension; anything
 * else is a 404, so no path can leave the examples folder.
 */
public final class StaticFiles {
  /** URL prefix of the examples page. */
  public static final String EXAMPLES = "/examples/";

  /** URL of the CA certificate download. */
  public static final String CA_CERTIFICATE = "/ca.crt";

  private static final String RESOURCE_ROOT = "web/examples/";
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
  private static final int MAX_SEGMENTS = 4;
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "txt", "text/plain; charset=utf-8");

  private final ClassLoader classLoader;
  private final Path caCertificate;
  private final String pagePolicy;
  /** The pages found, by name; a name not found is not remembered (names are the client's). */
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
  private final Executor fileReads;

  /**
   * @param classLoader where {@code web/examples/*} is looked up
   * @param caCertificate {@code <home>/tls/ca.crt}
   * @param hostName the connector's host name, which the page may connect to
   * @param fileReads where the CA certificate and a page not yet in memory are read, off the
   *     event loop; the answer is written from there
   */
  public StaticFiles(ClassLoader classLoader, Path caCertificate, String hostName, Executor fileReads) {
    this.fileReads = fileReads;
    this.classLoader = classLoader;
    this.caCertificate = caCertificate;
    this.pagePolicy = contentSecurityPolicy(hostName);
  }

  /** Whether a GET of this (decoded) path is ours to answer. */
  public boolean handles(String path) {
    return path.equals(CA_CERTIFICATE) || path.equals("/examples") || path.startsWith(EXAMPLES);
  }

  /** Answers a GET of a path for which {@link #handles} is true. */
  public void serve(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
    if (path.equals(CA_CERTIFICATE)) {
      serveCaCertificate(ctx, request);
    } else if (path.equals("/examples")) {
      FullHttpResponse response = HttpReplies.response(HttpResponseStatus.MOVED_PERMANENTLY, "text/plain; charset=utf-8", "");
      response.headers().set(HttpHeaderNames.LOCATION, EXAMPLES);
      HttpReplies.send(ctx, request, response, false);
    } else {
      serveExample(ctx, request, path.substring(EXAMPLES.length()));
    }
  }

  private void serveExample(ChannelHandlerContext ctx, FullHttpRequest request, String relative) {
    String name = relative.isEmpty() ? "index.html" : relative;
    String type = contentType(name).orElse(null);
    if (type == null) {
      HttpReplies.sendText(ctx, request, HttpResponseStatus.NOT_FOUND, "Not found\n", false);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    byte[] cached = cache.get(name);
    if (cached != null) {
      sendExample(ctx, keepAlive, type, cached);
      return;
    }
    fileReads.execute(() -> {
      Optional<byte[]> body = load(name);
      if (body.isPresent()) {
        cache.put(name, body.get());
        sendExample(ctx, keepAlive, type, body.get());
      } else {
        HttpReplies.send(ctx, keepAlive, HttpReplies.text(HttpResponseStatus.NOT_FOUND, "Not found\n"));
      }
    });
  }

  private void sendExample(ChannelHandlerContext ctx, boolean keepAlive, String type, byte[] body) {
    FullHttpResponse response = HttpReplies.response(HttpResponseStatus.OK, type, body);
    response.headers()
        .set("Content-Security-Policy", pagePolicy)
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "no-referrer");
    HttpReplies.send(ctx, keepAlive, response);
  }

  private void serveCaCertificate(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    fileReads.execute(() -> HttpReplies.send(ctx, keepAlive, caCertificateAnswer()));
  }

  private FullHttpResponse caCertificateAnswer() {
    byte[] body;
    try {
      body = Files.readAllBytes(caCertificate);
    } catch (NoSuchFileException e) {
      return HttpReplies.text(HttpResponseStatus.NOT_FOUND, "No CA certificate yet\n");
    } catch (IOException e) {
      return HttpReplies.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Cannot read the CA certificate\n");
    }
    FullHttpResponse response = HttpReplies.response(HttpResponseStatus.OK, "application/x-x509-ca-cert", body);
    response.headers()
        .set("Content-Disposition", "attachment; filename=\"libreconnect-ca.crt\"");
    return response;
  }

  /** The content type for a safe relative name, or empty when the name is refused. */
  static Optional<String> contentType(String name) {
    String[] segments = name.split("/", -1);
    if (segments.length > MAX_SEGMENTS) {
      return Optional.empty();
    }
    for (String segment : segments) {
      if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
        return Optional.empty();
      }
    }
    String last = segments[segments.length - 1];
    int dot = last.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(TYPES.get(last.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }

  private Optional<byte[]> load(String name) {
    try (InputStream in = classLoader.getResourceAsStream(RESOURCE_ROOT + name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Scripts and styles from this folder only; connections to the connector's own names on any
   * port, so the page can be pointed at another port or at {@code localhost}.
   */
  static String contentSecurityPolicy(String hostName) {
    StringBuilder connect = new StringBuilder("'self'");
    for (String host : new String[] {hostName, "localhost", "127.0.0.1"}) {
      connect.append(" https://").append(host).append(":* wss://").append(host).append(":*");
    }
    return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src " + connect + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }
}
