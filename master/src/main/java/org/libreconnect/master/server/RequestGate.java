package org.libreconnect.master.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides on each request from its head alone, before any body is read: undecodable requests get
 * 400, a {@code Host} that is not the connector's gets 421, a WebSocket handshake or a command
 * ({@code POST /api/*}, {@code /remotecommand/*}) from an origin that is not allowed gets 403,
 * and a body the request may not carry, or one over the REST limit, gets 413. Each refusal
 * closes the connection, and the rest of the refused request is dropped unread. What passes goes
 * on to the aggregator, whose limit is the REST body limit.
 */
public final class RequestGate extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(RequestGate.class);

  private final OriginPolicy origins;
  private final Set<String> hosts;
  private final long maxRestBodyBytes;
  private boolean discarding;

  /**
   * @param hosts the host names (lower case, without port) requests may be addressed to
   */
  public RequestGate(OriginPolicy origins, Set<String> hosts, long maxRestBodyBytes) {
    this.origins = origins;
    this.hosts = Set.copyOf(hosts);
    this.maxRestBodyBytes = maxRestBodyBytes;
  }

  /** The host names a connector bound to {@code ip} and named {@code hostName} answers to. */
  public static Set<String> hostsFor(String hostName, String ip) {
    return java.util.stream.Stream.of(
            hostName.toLowerCase(Locale.ROOT), "localhost", "127.0.0.1", "[::1]",
            ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip.toLowerCase(Locale.ROOT))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      discarding = false;
      String refusal = refusal(ctx, request);
      if (refusal != null) {
        discarding = !(msg instanceof io.netty.handler.codec.http.LastHttpContent);
        ReferenceCountUtil.release(msg);
        return;
      }
    } else if (msg instanceof HttpContent && discarding) {
      if (msg instanceof io.netty.handler.codec.http.LastHttpContent) {
        discarding = false;
      }
      ReferenceCountUtil.release(msg);
      return;
    }
    ctx.fireChannelRead(msg);
  }

  /** Answers and returns a reason when the request is refused; null when it may go on. */
  private String refusal(ChannelHandlerContext ctx, HttpRequest request) {
    if (request.decoderResult().isFailure()) {
      log.warn("http.refused remote={} reason=\"undecodable request\" cause={}",
          ctx.channel().remoteAddress(), request.decoderResult().cause().getClass().getSimpleName());
      HttpReplies.sendText(ctx, null, HttpResponseStatus.BAD_REQUEST, "Bad request\n", true);
      return "undecodable";
    }
    if (!hostAllowed(request.headers().get(HttpHeaderNames.HOST))) {
      log.warn("http.refused remote={} reason=\"host not served\"", ctx.channel().remoteAddress());
      HttpReplies.sendText(ctx, null, HttpResponseStatus.MISDIRECTED_REQUEST,
          "This connector does not serve that host name\n", true);
      return "host";
    }
    String path = new QueryStringDecoder(request.uri()).path();
    HttpMethod method = request.method();
    boolean upgrade =
        request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    boolean command =
        method.equals(HttpMethod.POST)
            && (path.startsWith("/api/") || path.startsWith("/remotecommand/"));
    if (upgrade || command) {
      String origin = request.headers().get(HttpHeaderNames.ORIGIN);
      if (!origins.allows(origin)) {
        origins.countRefusal(origin);
        log.warn("origin.refused origin=\"{}\" remote={} path={}", OriginPolicy.printable(origin),
            ctx.channel().remoteAddress(), upgrade ? "/ (WebSocket)" : printablePath(path));
        HttpReplies.sendText(ctx, null, HttpResponseStatus.FORBIDDEN,
            "Origin not allowed: add it to server/allowed_origins in the connector's configuration\n",
            true);
        return "origin";
      }
    }
    boolean hasBody = HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0;
    if (hasBody && !command) {
      HttpReplies.sendText(ctx, null, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
          "This request may not carry a body\n", true);
      return "body";
    }
    if (command && HttpUtil.getContentLength(request, 0L) > maxRestBodyBytes) {
      log.warn("http.refused remote={} reason=\"body over {} bytes\"", ctx.channel().remoteAddress(),
          maxRestBodyBytes);
      HttpReplies.sendText(ctx, null, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
          "The request body exceeds the connector's limit of " + maxRestBodyBytes
              + " bytes (server/max_rest_body_bytes)\n",
          true);
      return "size";
    }
    return null;
  }

  private boolean hostAllowed(String hostHeader) {
    if (hostHeader == null) {
      return false;
    }
    String host = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      host = end < 0 ? host : host.substring(0, end + 1);
    } else {
      int colon = host.indexOf(':');
      host = colon < 0 ? host : host.substring(0, colon);
    }
    return hosts.contains(host);
  }

  private static String printablePath(String path) {
    String clean = path.replaceAll("[^\\x21-\\x7e]", "?");
    return clean.length() > 100 ? clean.substring(0, 100) : clean;
  }
}
