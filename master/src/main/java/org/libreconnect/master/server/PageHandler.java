package org.libreconnect.master.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.libreconnect.master.route.CommandRouter;
import org.libreconnect.master.route.ReplySink;
import org.libreconnect.master.status.StatusPage;
import org.libreconnect.master.status.StatusService;
import org.libreconnect.master.user.ClientConnection;
import org.libreconnect.protocol.ProductVersion;
import org.libreconnect.protocol.Wire;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.protocol.command.CommandSpec;
import org.libreconnect.protocol.error.ErrorMapper;
import org.libreconnect.protocol.error.UnknownCommandException;

/**
 * The HTTPS side of the port: status page, {@code /status.json}, {@code /health} (with CORS and
 * Private Network Access preflight), the REST form {@code POST /api/<command>} and the JS2
 * {@code /remotecommand/*} entries, and the static files (examples page, CA certificate).
 * WebSocket handshakes pass through to the origin gate.
 */
public final class PageHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private final StatusService status;
  private final StatusPage page;
  private final OriginPolicy origins;
  private final CommandRouter router;
  private final CommandCatalogue catalogue;
  private final WireJson json;
  private final StaticFiles files;
  private final ErrorMapper errors = new ErrorMapper();

  public PageHandler(
      StatusService status,
      StatusPage page,
      OriginPolicy origins,
      CommandRouter router,
      CommandCatalogue catalogue,
      WireJson json,
      StaticFiles files) {
    super(false);
    this.status = status;
    this.page = page;
    this.origins = origins;
    this.router = router;
    this.catalogue = catalogue;
    this.json = json;
    this.files = files;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (isWebSocketUpgrade(request)) {
      String path = new QueryStringDecoder(request.uri()).path();
      if (!"/".equals(path)) {
        request.release();
        HttpReplies.sendText(ctx, request, HttpResponseStatus.NOT_FOUND,
            "WebSocket endpoint is / (wss://host:port)\n", true);
        return;
      }
      ctx.fireChannelRead(request);
      return;
    }
    try {
      serve(ctx, request);
    } finally {
      request.release();
    }
  }

  private void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
    String path = new QueryStringDecoder(request.uri()).path();
    HttpMethod method = request.method();
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    if (method.equals(HttpMethod.OPTIONS)) {
      preflight(ctx, request, origin);
    } else if (method.equals(HttpMethod.GET) && path.equals("/")) {
      var query = new QueryStringDecoder(request.uri()).parameters().getOrDefault("lang", java.util.List.of());
      Locale language = org.libreconnect.master.status.StatusPage.language(
          query.isEmpty() ? null : query.get(0), request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE));
      FullHttpResponse response = HttpReplies.response(HttpResponseStatus.OK, "text/html; charset=utf-8",
          page.render(status.snapshot(), language, java.time.ZoneId.systemDefault()));
      response.headers().set(HttpHeaderNames.CONTENT_LANGUAGE, language.getLanguage());
      response.headers()
          .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
          .set("X-Frame-Options", "DENY");
      HttpReplies.send(ctx, request, response, false);
    } else if (method.equals(HttpMethod.GET) && path.equals("/status.json")) {
      sendJson(ctx, request, HttpResponseStatus.OK, json.write(status.snapshot()), null);
    } else if (method.equals(HttpMethod.GET) && path.equals("/health")) {
      String body = json.ok(Map.of("s_serviceVersion", ProductVersion.current()));
      sendJson(ctx, request, HttpResponseStatus.OK, body, origins.allows(origin) ? origin : null);
    } else if (method.equals(HttpMethod.POST) && path.equals("/diagnostics.zip")
        && status.support().isPresent()) {
      new DiagnosticsDownload(status.support().get(), origins, () -> json.write(status.snapshot()))
          .serve(ctx, request, origin);
    } else if (method.equals(HttpMethod.GET) && files.handles(path)) {
      files.serve(ctx, request, path);
    } else if (method.equals(HttpMethod.POST) && path.startsWith("/api/")) {
      api(ctx, request, origin, path.substring("/api/".length()));
    } else if (method.equals(HttpMethod.POST) && path.startsWith("/remotecommand/")) {
      remoteCommand(ctx, request, origin, path.substring("/remotecommand/".length()));
    } else {
      HttpReplies.sendText(ctx, request, HttpResponseStatus.NOT_FOUND, "Not found\n", false);
    }
  }

  private void preflight(ChannelHandlerContext ctx, FullHttpRequest request, String origin) {
    if (!origins.allows(origin)) {
      origins.countRefusal(origin);
      HttpReplies.sendText(ctx, request, HttpResponseStatus.FORBIDDEN, "Origin not allowed\n", false);
      return;
    }
    FullHttpResponse response = HttpReplies.response(HttpResponseStatus.NO_CONTENT, "text/plain", "");
    Cors.allow(response.headers(), origin);
    response.headers()
        .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS")
        .set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
    String requestedHeaders = request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
    if (requestedHeaders != null) {
      response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, requestedHeaders);
    }
    if ("true".equalsIgnoreCase(request.headers().get("Access-Control-Request-Private-Network"))) {
      response.headers().set("Access-Control-Allow-Private-Network", "true");
    }
    HttpReplies.send(ctx, request, response, false);
  }

  private void api(ChannelHandlerContext ctx, FullHttpRequest request, String origin, String name) {
    if (!origins.allows(origin)) {
      refuse(ctx, request, origin);
      return;
    }
    CommandSpec spec = catalogue.findByLowerCaseName(name.toLowerCase(Locale.ROOT)).orElse(null);
    if (spec == null) {
      sendJson(ctx, request, HttpResponseStatus.NOT_FOUND,
          json.error(errors.toAnswer(new UnknownCommandException("Unknown command"), null)), origin);
      return;
    }
    String body = withCommandName(request.content().toString(StandardCharsets.UTF_8), spec.name());
    AtomicBoolean answered = new AtomicBoolean();
    router.dispatch(
        body,
        origin,
        ClientConnection.of(ctx.channel().remoteAddress(), ctx.channel().localAddress()),
        new ReplySink() {
          @Override
          public void send(String answer, boolean last) {
            if (answered.compareAndSet(false, true)) {
              sendJson(ctx, request, HttpResponseStatus.OK, answer, origin);
            }
          }

          @Override
          public boolean supportsStreaming() {
            return false;
          }

          @Override
          public void endStream() {}

          @Override
          public void onClose(Runnable action) {
            ctx.channel().closeFuture().addListener(f -> action.run());
          }
        });
  }

  /** The URL names the command: a name in the body is replaced by it. */
  private String withCommandName(String body, String commandName) {
    try {
      var node = json.readObject(body);
      if (!commandName.equals(node.path(Wire.COMMAND_NAME).asText(null))) {
        node.put(Wire.COMMAND_NAME, commandName);
        return json.write(node);
      }
      return body;
    } catch (RuntimeException e) {
      return body; // the router answers with the JSON error
    }
  }

  private void remoteCommand(
      ChannelHandlerContext ctx, FullHttpRequest request, String origin, String entry) {
    if (!origins.allows(origin)) {
      refuse(ctx, request, origin);
      return;
    }
    String answer;
    try {
      answer =
          switch (entry) {
            case "getAllowedOrigins" ->
                json.ok(Map.of("AllowedOrigins", origins.patterns()));
            // LibreConnect needs no licence parameters: a well-formed one is accepted and ignored,
            // and counts as registered; an empty one is refused, and is never registered.
            case "registerDcParameter", "unregisterDcParameter" -> {
              dcParameters(request, true);
              yield json.ok(null);
            }
            case "isDcParameterRegistered" ->
                json.ok(Map.of("i_registered", dcParameters(request, false) ? 1 : 0));
            default -> null;
          };
    } catch (org.libreconnect.protocol.error.ConnectorException e) {
      answer = json.error(errors.toAnswer(e, null));
    }
    if (answer == null) {
      HttpReplies.sendText(ctx, request, HttpResponseStatus.NOT_FOUND, "Unknown entry point\n", false);
    } else {
      sendJson(ctx, request, HttpResponseStatus.OK, answer, origin);
    }
  }

  /**
   * Whether the body holds a non-empty, well-formed {@code s_dcparameters64} (base64); when
   * {@code required}, an absent or empty one is an error.
   */
  private boolean dcParameters(FullHttpRequest request, boolean required) {
    var node = json.readObject(request.content().toString(StandardCharsets.UTF_8));
    String value = node.path("s_dcparameters64").asText("").strip();
    if (value.isEmpty()) {
      if (required) {
        throw new org.libreconnect.protocol.error.MissingParameterException("s_dcparameters64");
      }
      return false;
    }
    try {
      java.util.Base64.getDecoder().decode(value);
      return true;
    } catch (IllegalArgumentException e) {
      throw new org.libreconnect.protocol.error.InvalidParameterException("s_dcparameters64", "must be base64");
    }
  }

  private void refuse(ChannelHandlerContext ctx, FullHttpRequest request, String origin) {
    origins.countRefusal(origin);
    org.slf4j.LoggerFactory.getLogger(PageHandler.class)
        .warn("origin.refused origin=\"{}\"", OriginPolicy.printable(origin));
    HttpReplies.sendText(ctx, request, HttpResponseStatus.FORBIDDEN, "Origin not allowed\n", false);
  }

  private static void sendJson(
      ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus code, String body,
      String corsOrigin) {
    FullHttpResponse response = HttpReplies.response(code, "application/json; charset=utf-8", body);
    if (corsOrigin != null) {
      Cors.allow(response.headers(), corsOrigin);
    }
    HttpReplies.send(ctx, request, response, false);
  }

  private static boolean isWebSocketUpgrade(FullHttpRequest request) {
    return request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }
}
