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
  private final List<AllowedOrigin> logOrigins;
  private volatile List<AllowedOrigin> ownPages = List.of();
  private volatile List<AllowedOrigin> allowed;
  private final AtomicLong refusals = new AtomicLong();
  private static final int RECENT_REFUSALS = 10;
  private final java.util.ArrayDeque<Refusal> recent = new java.util.ArrayDeque<>();

  public OriginPolicy(List<AllowedOrigin> configured) {
    this(configured, List.of());
  }

  /**
   * @param logOrigins origins that may also read the master's log and change log levels
   */
  public OriginPolicy(List<AllowedOrigin> configured, List<AllowedOrigin> logOrigins) {
    this.configured = List.copyOf(configured);
    this.logOrigins = List.copyOf(logOrigins);
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
    ownPages = own;
    allowed = java.util.stream.Stream.concat(configured.stream(), own.stream()).toList();
  }

  /** Whether this origin is one of the connector's own pages. */
  public boolean isOwnPage(String origin) {
    return matches(ownPages, origin);
  }

  /**
   * Whether this origin may read the master's log and change log levels: the connector's own
   * pages, and the origins of {@code server/log_origins} that are allowed at all.
   */
  public boolean allowsLogAccess(String origin) {
    AllowedOrigin.Header header = AllowedOrigin.Header.parse(origin).orElse(null);
    return header != null
        && (matches(ownPages, header) || (matches(allowed, header) && matches(logOrigins, header)));
  }

  /** The header is read once, then held against each pattern. */
  private static boolean matches(List<AllowedOrigin> patterns, String origin) {
    return AllowedOrigin.Header.parse(origin).map(header -> matches(patterns, header)).orElse(false);
  }

  private static boolean matches(List<AllowedOrigin> patterns, AllowedOrigin.Header header) {
    for (AllowedOrigin pattern : patterns) {
      if (pattern.matches(header)) {
        return true;
      }
    }
    return false;
  }

  /** The origin as it may appear in a log line: printable ASCII, at most 200 characters. */
  public static String printable(String origin) {
    if (origin == null) {
      return "(none)";
    }
    String clean = origin.replaceAll("[^\\x20-\\x7e]", "?");
    return clean.length() > 200 ? clean.substring(0, 200) : clean;
  }

  /** Whether a request carrying this {@code Origin} header (null when absent) may proceed. */
  public boolean allows(String origin) {
    return matches(allowed, origin);
  }

  /** Counts a refusal and remembers the origin among the last {@value #RECENT_REFUSALS}. */
  public void countRefusal(String origin) {
    refusals.incrementAndGet();
    synchronized (recent) {
      recent.addFirst(new Refusal(printable(origin), java.time.Instant.now()));
      while (recent.size() > RECENT_REFUSALS) {
        recent.removeLast();
      }
    }
  }

  /** The last refused origins, most recent first. */
  public List<Refusal> recentRefusals() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }

  /** One refused origin (printable form) and when it was refused. */
  public record Refusal(String origin, java.time.Instant at) {}

  public long refusals() {
    return refusals.get();
  }

  public List<String> patterns() {
    return allowed.stream().map(AllowedOrigin::pattern).toList();
  }
}
