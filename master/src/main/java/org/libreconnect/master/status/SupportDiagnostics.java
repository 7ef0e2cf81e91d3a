package org.libreconnect.master.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.libreconnect.config.ConnectorConfig;
import org.libreconnect.diagnostics.BundleSources;
import org.libreconnect.diagnostics.CheckResult;
import org.libreconnect.diagnostics.DiagnosticsBundle;
import org.libreconnect.diagnostics.Endpoint;
import org.libreconnect.diagnostics.Pkcs11Probe;
import org.libreconnect.diagnostics.ReaderProbe;
import org.libreconnect.diagnostics.SupportChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's side of support: runs the live checks and the reader probe on a thread of its own
 * (at start, then every few minutes) so the status page shows their last results without waiting,
 * and builds diagnostics bundles off the event loop.
 */
public final class SupportDiagnostics {
  private static final Logger log = LoggerFactory.getLogger(SupportDiagnostics.class);
  static final Duration CHECK_TIMEOUT = Duration.ofSeconds(4);
  static final Duration REFRESH = Duration.ofMinutes(5);
  static final Duration READER_DEADLINE = Duration.ofSeconds(3);

  private final ConnectorConfig config;
  private final Path configFile;
  private final Path logDirectory;
  private final Path caCertificate;
  private final List<Endpoint> endpoints;
  private final ScheduledExecutorService executor;
  private final Clock clock;
  private volatile Result latest = new Result(List.of(), List.of(), null);

  /** The last checks and readers, and when they were taken (null before the first run). */
  public record Result(List<CheckResult> checks, List<String> readers, Instant at) {}

  public SupportDiagnostics(ConnectorConfig config, Path configFile, Path logDirectory,
      Path caCertificate, List<Endpoint> endpoints, ScheduledExecutorService executor, Clock clock) {
    this.config = config;
    this.configFile = configFile;
    this.logDirectory = logDirectory;
    this.caCertificate = caCertificate;
    this.endpoints = List.copyOf(endpoints);
    this.executor = executor;
    this.clock = clock;
  }

  /** Runs the checks now and then every {@link #REFRESH}. */
  public void start() {
    executor.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toSeconds(), TimeUnit.SECONDS);
  }

  public Result latest() {
    return latest;
  }

  public Path configFile() {
    return configFile;
  }

  public Path logDirectory() {
    return logDirectory;
  }

  void refresh() {
    try {
      List<CheckResult> checks = checks().run();
      // Presence only: the periodic probe never connects to a card an application may be using.
      List<String> readers = Arrays.stream(ReaderProbe.describe(READER_DEADLINE, false).split("\n"))
          .filter(line -> !line.isBlank()).toList();
      latest = new Result(checks, readers, clock.instant());
      long failed = checks.stream().filter(c -> !c.passed()).count();
      log.info("support.checks failed={} total={}", failed, checks.size());
    } catch (RuntimeException e) {
      log.warn("support.checks.error type={}", e.getClass().getSimpleName());
    }
  }

  private SupportChecks checks() {
    return SupportChecks.forConfig(config, endpoints, caCertificate, CHECK_TIMEOUT);
  }

  /** Builds a bundle on the support thread; the status JSON is taken there too. */
  public CompletableFuture<byte[]> bundle(Supplier<String> statusJson) {
    return CompletableFuture.supplyAsync(() -> {
      org.libreconnect.runtime.LogSetup.flushCurrent(); // the master's lines so far are in the bundle
      BundleSources sources = new BundleSources(configFile, logDirectory, statusJson,
          () -> checks().run(), () -> ReaderProbe.describe(READER_DEADLINE),
          () -> Pkcs11Probe.describe(config.pkcs11().library(), Pkcs11Probe.USUAL_PLACES),
          config.proxy().password().stream().toList());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        new DiagnosticsBundle(sources, clock).write(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      log.info("support.bundle bytes={}", out.size());
      return out.toByteArray();
    }, executor);
  }

  /** The file name a bundle is offered under. */
  public String bundleFileName() {
    return new DiagnosticsBundle(new BundleSources(configFile, logDirectory, () -> "", List::of,
        () -> "", () -> "", List.of()), clock).fileName();
  }
}
