package org.libreconnect.master.server;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.libreconnect.config.AllowedOrigin;

/**
 * Decides which web origins may talk to the connector: the configured allow-list plus the
 * connector's own pages. Counts refusals for the status page.
 */
public final class OriginPolicy {
  private final List<AllowedOrigin> configured;
  private volatile List<AllowedOrigin> allowed;
  private final AtomicLong refusals = new AtomicLong();

  public OriginPolicy(List<AllowedOrigin> configured) {
    this.configured = List.copyOf(configured);
    this.allowed = this.configured;
  }

  /**
   * Also allows the connector's own pages, {@code https://<host>:<port>} for the host name,
   * {@code localhost} and {@code 127.0.0.1}; called once the port is bound.
   */
  public void allowOwnPages(String hostName, int port) {
    List<AllowedOrigin> own =
        java.util.stream.Stream.of(hostName, "localhost", "127.0.0.1")
            .distinct()
            .map(host -> AllowedOrigin.parse("https://" + host + ":" + port))
            .toList();
    allowed = java.util.stream.Stream.concat(configured.stream(), own.stream()).toList();
  }

  /** Whether a request carrying this {@code Origin} header (null when absent) may proceed. */
  public boolean allows(String origin) {
    if (origin == null) {
      return false;
    }
    for (AllowedOrigin pattern : allowed) {
      if (pattern.matches(origin)) {
        return true;
      }
    }
    return false;
  }

  public void countRefusal() {
    refusals.incrementAndGet();
  }

  public long refusals() {
    return refusals.get();
  }

  public List<String> patterns() {
    return allowed.stream().map(AllowedOrigin::pattern).toList();
  }
}
