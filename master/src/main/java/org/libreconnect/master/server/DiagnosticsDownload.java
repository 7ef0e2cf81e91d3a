package org.libreconnect.master.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.libreconnect.master.status.SupportDiagnostics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /diagnostics.zip}, the status page's button. Local use only: the peer must be a
 * loopback address and the request must come from the connector's own page (a browser sends the
 * page's {@code Origin} with a form post; a foreign site's origin, or none, is refused). The zip is
 * built on the support thread; the event loop only writes the finished answer.
 */
final class DiagnosticsDownload {
  private static final Logger log = LoggerFactory.getLogger(DiagnosticsDownload.class);
  static final Duration DEADLINE = Duration.ofSeconds(30);

  private final SupportDiagnostics support;
  private final OriginPolicy origins;
  private final Supplier<String> statusJson;

  DiagnosticsDownload(SupportDiagnostics support, OriginPolicy origins, Supplier<String> statusJson) {
    this.support = support;
    this.origins = origins;
    this.statusJson = statusJson;
  }

  void serve(ChannelHandlerContext ctx, FullHttpRequest request, String origin) {
    if (!isLoopback(ctx.channel().remoteAddress())) {
      HttpReplies.sendText(ctx, request, HttpResponseStatus.FORBIDDEN,
          "The diagnostics bundle is for this computer only\n", true);
      return;
    }
    if (!origins.isOwnPage(origin)) {
      origins.countRefusal(origin);
      log.warn("origin.refused origin=\"{}\" path=/diagnostics.zip", OriginPolicy.printable(origin));
      HttpReplies.sendText(ctx, request, HttpResponseStatus.FORBIDDEN,
          "The diagnostics bundle is offered by the connector's own status page only\n", true);
      return;
    }
    String fileName = support.bundleFileName();
    support.bundle(statusJson)
        .orTimeout(DEADLINE.toSeconds(), TimeUnit.SECONDS)
        .whenComplete((zip, failure) -> {
          if (failure != null) {
            log.warn("support.bundle.failed type={}", failure.getClass().getSimpleName());
            HttpReplies.sendText(ctx, null, HttpResponseStatus.SERVICE_UNAVAILABLE,
                "The diagnostics bundle could not be built in time; run 'libreconnect-admin diagnose bundle'\n",
                true);
            return;
          }
          FullHttpResponse response = HttpReplies.response(HttpResponseStatus.OK, "application/zip", zip);
          response.headers()
              .set(HttpHeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
              .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
          HttpReplies.send(ctx, null, response, true);
        });
  }

  static boolean isLoopback(SocketAddress address) {
    return address instanceof InetSocketAddress inet
        && inet.getAddress() != null && inet.getAddress().isLoopbackAddress();
  }
}
