package org.libreconnect.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.libreconnect.config.RestServerConfig.Caller;
import org.libreconnect.dmp.errors.DmpErrors;
import org.libreconnect.protocol.error.ErrorAnswer;
import org.libreconnect.protocol.error.ErrorKind;
import org.libreconnect.protocol.error.ErrorMapper;
import org.libreconnect.protocol.error.InvalidJsonException;
import org.libreconnect.protocol.Status;
import org.libreconnect.protocol.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP request of the server mode, on the event loop only for what is quick: routing, the
 * caller check and the in-flight bound. JSON parsing and the DMP work run on the service's
 * executor under the request deadline; the answer is written back from there.
 */
final class RestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(RestHandler.class);

  private final RestService service;

  RestHandler(RestService service) {
    this.service = service;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    String path = new io.netty.handler.codec.http.QueryStringDecoder(request.uri()).path();
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    if (HttpMethod.OPTIONS.equals(request.method())) {
      reply(ctx, keepAlive, origin, service.cors().preflight(origin) ? HttpResponseStatus.NO_CONTENT
          : HttpResponseStatus.FORBIDDEN, null, true);
      return;
    }
    if (HttpMethod.GET.equals(request.method())) {
      switch (path) {
        case "/health" -> reply(ctx, keepAlive, origin, HttpResponseStatus.OK, "{\"s_status\":\"OK\"}", false);
        case "/ready" -> {
          boolean ready = service.ready();
          reply(ctx, keepAlive, origin, ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
              ready ? "{\"s_status\":\"OK\"}" : "{\"s_status\":\"ERROR\",\"s_errorDescription\":\"not ready\"}", false);
        }
        case "/openapi.json" -> reply(ctx, keepAlive, origin, HttpResponseStatus.OK, service.openApi(), false);
        default -> error(ctx, keepAlive, origin, HttpResponseStatus.NOT_FOUND, "Unknown path");
      }
      return;
    }
    if (!HttpMethod.POST.equals(request.method())) {
      error(ctx, keepAlive, origin, HttpResponseStatus.METHOD_NOT_ALLOWED, "Use POST /<operation>");
      return;
    }
    String name = path.startsWith("/") ? path.substring(1) : path;
    Optional<Operations.Operation<?>> operation = Operations.find(name);
    Optional<Caller> caller = service.callers().identify(
        request.headers().get(HttpHeaderNames.AUTHORIZATION), clientCertificate(ctx));
    if (caller.isEmpty()) {
      service.metrics().refused();
      FullHttpResponse response = response(HttpResponseStatus.UNAUTHORIZED,
          errorBody("Authentication required: a bearer token or a client certificate of a configured caller"));
      response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"libreconnect\"");
      send(ctx, keepAlive, origin, response);
      return;
    }
    if (operation.isEmpty()) {
      error(ctx, keepAlive, origin, HttpResponseStatus.NOT_FOUND, "Unknown operation");
      return;
    }
    if (!caller.get().allows(name)) {
      service.metrics().refused();
      log.info("rest.forbidden caller={} operation={}", caller.get().name(), name);
      error(ctx, keepAlive, origin, HttpResponseStatus.FORBIDDEN, "This caller may not call this operation");
      return;
    }
    if (!service.inFlight().tryAcquire()) {
      FullHttpResponse response = response(HttpResponseStatus.SERVICE_UNAVAILABLE,
          errorBody("Too many requests in progress, retry later"));
      response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
      send(ctx, keepAlive, origin, response);
      return;
    }
    // The body (up to 32 MiB) is decoded and parsed on the executor, not on the event loop.
    io.netty.buffer.ByteBuf content = request.content().retain();
    long start = System.nanoTime();
    String callerName = caller.get().name();
    CompletableFuture<Object> work;
    try {
      work = CompletableFuture.supplyAsync(() -> {
        ObjectNode body;
        try {
          body = parse(content.toString(StandardCharsets.UTF_8));
        } finally {
          content.release();
        }
        return service.run(operation.get(), body);
      }, service.executor());
    } catch (java.util.concurrent.RejectedExecutionException e) {
      content.release();
      service.inFlight().release();
      error(ctx, keepAlive, origin, HttpResponseStatus.SERVICE_UNAVAILABLE, "The service is stopping");
      return;
    }
    work
        .orTimeout(service.requestTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .whenComplete((answer, failure) -> {
          service.inFlight().release();
          long ms = (System.nanoTime() - start) / 1_000_000;
          if (failure == null) {
            log.info("rest.request caller={} operation={} status=200 ms={}", callerName, name, ms);
            reply(ctx, keepAlive, origin, HttpResponseStatus.OK, service.json().ok(answer), false);
          } else {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            log.info("rest.request caller={} operation={} error={} ms={}", callerName, name,
                cause.getClass().getSimpleName(), ms);
            answerFailure(ctx, keepAlive, origin, name, cause);
          }
        });
  }

  private ObjectNode parse(String text) {
    JsonNode node;
    try {
      node = service.json().mapper().readTree(text.isBlank() ? "{}" : text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidJsonException("Invalid JSON");
    }
    if (node instanceof ObjectNode object) {
      return object;
    }
    throw new InvalidJsonException("Expected a JSON object");
  }

  private void answerFailure(ChannelHandlerContext ctx, boolean keepAlive, String origin, String name,
      Throwable failure) {
    if (failure instanceof TimeoutException) {
      ErrorAnswer answer = ErrorAnswer.of(ErrorKind.TECHNICAL, "The request did not finish in time", "", "");
      reply(ctx, keepAlive, origin, HttpResponseStatus.GATEWAY_TIMEOUT, service.json().error(answer), false);
      return;
    }
    ErrorAnswer answer = new ErrorMapper().toAnswer(DmpErrors.translate(failure), name);
    reply(ctx, keepAlive, origin, status(answer), service.json().error(answer), false);
  }

  /** The HTTP status of an error answer: the caller's fault, ours, or the DMP's refusal. */
  static HttpResponseStatus status(ErrorAnswer answer) {
    if (answer.status() == Status.API_ERROR) {
      boolean timeout = answer.apiErrorType() == DmpErrors.TIMEOUT.type()
          && answer.apiErrorCode() == DmpErrors.TIMEOUT.code();
      return timeout ? HttpResponseStatus.GATEWAY_TIMEOUT : HttpResponseStatus.BAD_GATEWAY;
    }
    return answer.apiErrorCode() == ErrorKind.FUNCTIONAL.code()
        ? HttpResponseStatus.BAD_REQUEST : HttpResponseStatus.INTERNAL_SERVER_ERROR;
  }

  private void error(ChannelHandlerContext ctx, boolean keepAlive, String origin, HttpResponseStatus status,
      String description) {
    send(ctx, keepAlive, origin, response(status, errorBody(description)));
  }

  private String errorBody(String description) {
    return service.json().error(ErrorAnswer.of(ErrorKind.FUNCTIONAL, description, "", ""));
  }

  private void reply(ChannelHandlerContext ctx, boolean keepAlive, String origin, HttpResponseStatus status,
      String body, boolean empty) {
    send(ctx, keepAlive, origin, response(status, empty ? null : body));
  }

  private static FullHttpResponse response(HttpResponseStatus status, String body) {
    FullHttpResponse response = body == null
        ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status)
        : new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    if (body != null) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
    }
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    response.headers().set("X-Content-Type-Options", "nosniff");
    return response;
  }

  private void send(ChannelHandlerContext ctx, boolean keepAlive, String origin, FullHttpResponse response) {
    service.cors().decorate(origin, response.headers());
    boolean stopping = !service.ready();
    if (keepAlive && !stopping) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response);
    } else {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static Optional<X509Certificate> clientCertificate(ChannelHandlerContext ctx) {
    SslHandler ssl = ctx.pipeline().get(SslHandler.class);
    if (ssl == null) {
      return Optional.empty();
    }
    try {
      Certificate[] peer = ssl.engine().getSession().getPeerCertificates();
      return peer.length > 0 && peer[0] instanceof X509Certificate x509 ? Optional.of(x509) : Optional.empty();
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("rest.connection.error error={}", cause.getClass().getSimpleName());
    ctx.close();
  }
}
