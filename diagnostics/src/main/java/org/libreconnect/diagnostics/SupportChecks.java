package org.libreconnect.diagnostics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.libreconnect.config.ConnectorConfig;
import org.libreconnect.config.Ntp;

/**
 * The live checks support staff need, built from a configuration: each national endpoint directly
 * and through the configured proxy, the NTP server (the configured one, else the JS2 pool
 * defaults), the host name on loopback, the CA in the system store. They run in parallel, each
 * bounded by its own timeout and all together by a deadline.
 */
public final class SupportChecks {
  /** The NTP servers the JS2 guide lists when none is configured. */
  public static final List<String> DEFAULT_NTP_SERVERS =
      List.of("0.fr.pool.ntp.org", "1.fr.pool.ntp.org", "2.fr.pool.ntp.org");

  private final List<LiveCheck> checks;
  private final Duration deadline;

  public SupportChecks(List<LiveCheck> checks, Duration deadline) {
    this.checks = List.copyOf(checks);
    this.deadline = deadline;
  }

  /** The standard set for {@code config}, with {@code caCertificate} the connector's CA. */
  public static SupportChecks forConfig(
      ConnectorConfig config, List<Endpoint> endpoints, Path caCertificate, Duration timeout) {
    List<LiveCheck> checks = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      checks.add(new DirectReachability(endpoint, timeout));
      checks.add(new ProxyReachability(endpoint, config.proxy(), timeout));
    }
    Ntp ntp = config.ntp();
    checks.add(new NtpCheck(ntp.server().orElse(DEFAULT_NTP_SERVERS.get(0)), ntp.port(), timeout));
    checks.add(new LoopbackNameCheck(config.server().hostName()));
    checks.add(new SystemTrustCheck(caCertificate, SystemTrustCheck.SYSTEM_BUNDLES));
    return new SupportChecks(checks, timeout.plusSeconds(2));
  }

  /** Runs every check; a check still running at the deadline is reported as failed, not awaited. */
  public List<CheckResult> run() {
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.max(1, Math.min(checks.size(), 8)), runnable -> {
          Thread thread = new Thread(runnable, "support-check");
          thread.setDaemon(true);
          return thread;
        });
    try {
      List<Future<CheckResult>> futures = new ArrayList<>();
      for (LiveCheck check : checks) {
        futures.add(pool.submit(check::run));
      }
      long end = System.nanoTime() + deadline.toNanos();
      List<CheckResult> results = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          results.add(futures.get(i).get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
          futures.get(i).cancel(true);
          results.add(CheckResult.failed(checks.get(i).name(),
              "no result within " + deadline.toSeconds() + " s",
              "Run the diagnostics again; if it stays slow, the network drops connections silently: ask its administrator."));
        } catch (ExecutionException e) {
          results.add(CheckResult.failed(checks.get(i).name(),
              "the check failed (" + Messages.brief(e.getCause()) + ")", "Send the diagnostics bundle to support."));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
