package org.libreconnect.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/**
 * CORS for browsers, only for the origins {@code rest_server/cors_origins} lists: a server-to-server
 * API answers no CORS header at all by default, so a page of another origin cannot read it.
 */
public final class Cors {
  private final List<String> origins;

  public Cors(List<String> origins) {
    this.origins = List.copyOf(origins);
  }

  boolean allowed(String origin) {
    return origin != null && origins.contains(origin);
  }

  /** Whether a preflight from {@code origin} is accepted. */
  boolean preflight(String origin) {
    return allowed(origin);
  }

  void decorate(String origin, HttpHeaders headers) {
    if (!allowed(origin)) {
      return;
    }
    headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    headers.set(HttpHeaderNames.VARY, "Origin");
    headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
    headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, Content-Type");
    headers.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
  }
}
