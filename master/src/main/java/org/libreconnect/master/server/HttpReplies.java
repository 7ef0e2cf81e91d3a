package org.libreconnect.master.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.nio.charset.StandardCharsets;
import org.libreconnect.protocol.ProductVersion;

/** Builds and sends the connector's HTTP responses, with the headers every response carries. */
final class HttpReplies {
  /** Header one JS2 client reads to learn the connector version. */
  static final String VERSION_HEADER = "eSanteConnect-Version";

  private static final String VERSION = ProductVersion.current();

  private HttpReplies() {}

  static FullHttpResponse response(HttpResponseStatus status, String contentType, String body) {
    return response(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static FullHttpResponse response(HttpResponseStatus status, String contentType, byte[] bytes) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            io.netty.handler.codec.http.HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, contentType)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
        .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
        .set("X-Content-Type-Options", "nosniff")
        .set(VERSION_HEADER, VERSION);
    return response;
  }

  /** A plain-text response. */
  static FullHttpResponse text(HttpResponseStatus status, String text) {
    return response(status, "text/plain; charset=utf-8", text);
  }

  static void sendText(
      ChannelHandlerContext ctx, HttpRequest request, HttpResponseStatus status, String text,
      boolean close) {
    send(ctx, request, text(status, text), close);
  }

  static void send(
      ChannelHandlerContext ctx, HttpRequest request, FullHttpResponse response, boolean close) {
    send(ctx, !close && request != null && HttpUtil.isKeepAlive(request), response);
  }

  /**
   * Sends {@code response}, keeping the connection open when {@code keepAlive} (what the request
   * asked, read while it was at hand); callable from any thread.
   */
  static void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response);
    } else {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(written -> LingeringClose.after(ctx.channel()));
    }
  }
}
