package org.libreconnect.master.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * CORS headers for allowed origins. They let pages read answers of {@code /health} and {@code
 * /api}; they are not the access control itself (the origin check is).
 */
final class Cors {
  private Cors() {}

  static void allow(HttpHeaders headers, String origin) {
    headers
        .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
        .set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN)
        .set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, HttpReplies.VERSION_HEADER);
  }
}
