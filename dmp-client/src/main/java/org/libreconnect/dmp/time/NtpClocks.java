package org.libreconnect.dmp.time;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The worker's clocks, one per time server, so that every session using the same server shares
 * one measured offset. No server means the system clock, as the configuration documents.
 */
public final class NtpClocks {
  /** Refresh period of an offset. */
  public static final Duration REFRESH = Duration.ofMinutes(30);
  /** How long an offset outlives failed refreshes (PRE_TPS: at least one sync every 24 h). */
  public static final Duration MAX_AGE = Duration.ofHours(24);
  /** How long one NTP question may take. */
  public static final Duration QUERY_TIMEOUT = Duration.ofSeconds(3);

  private final Clock system;
  private final Map<String, NtpClock> clocks = new ConcurrentHashMap<>();

  public NtpClocks(Clock system) {
    this.system = system;
  }

  /** The clock for {@code host:port}; the system clock when {@code host} is null or blank. */
  public Clock forServer(String host, int port) {
    if (host == null || host.isBlank()) {
      return system;
    }
    return clocks.computeIfAbsent(host.strip() + ":" + port,
        key -> new NtpClock(new NtpTimeSource(host.strip(), port, QUERY_TIMEOUT), system, REFRESH, MAX_AGE));
  }
}
