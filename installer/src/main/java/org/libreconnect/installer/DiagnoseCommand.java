package org.libreconnect.installer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.libreconnect.diagnostics.BundleSources;
import org.libreconnect.diagnostics.CheckResult;
import org.libreconnect.diagnostics.DiagnosticsBundle;
import org.libreconnect.diagnostics.Endpoint;
import org.libreconnect.diagnostics.Pkcs11Probe;
import org.libreconnect.diagnostics.ReaderProbe;
import org.libreconnect.diagnostics.StatusFetcher;
import org.libreconnect.diagnostics.SupportChecks;

/**
 * {@code diagnose checks|bundle}: the live support checks, printed, or the diagnostics bundle
 * written to a zip (the running connector's status is read over loopback; a stopped connector is
 * noted in the bundle). Needs no administrator rights.
 */
final class DiagnoseCommand {
  static final Set<String> VALUED = Set.of("--home", "--out");
  static final Set<String> FLAGS = Set.of();
  static final Duration TIMEOUT = Duration.ofSeconds(4);

  private final AdminEnvironment environment;
  private final Clock clock;
  private final PrintStream out;

  DiagnoseCommand(AdminEnvironment environment, Clock clock, PrintStream out) {
    this.environment = environment;
    this.clock = clock;
    this.out = out;
  }

  /** Returns false when a check failed (the command then exits with status 1). */
  boolean run(String action, AdminArguments arguments) {
    Installation installation = Installation.at(environment.home(arguments));
    var config = installation.config();
    SupportChecks checks = SupportChecks.forConfig(config, Endpoint.NATIONAL,
        installation.caCertificateFile(), TIMEOUT);
    switch (action) {
      case "checks" -> {
        List<CheckResult> results = checks.run();
        results.forEach(result -> out.println(result.line()));
        return results.stream().allMatch(CheckResult::passed);
      }
      case "bundle" -> {
        StatusFetcher status = new StatusFetcher(installation.caCertificateFile(), config.server().port(), TIMEOUT);
        BundleSources sources = new BundleSources(installation.layout().configFile(),
            installation.layout().logDir(), status::fetchOrExplain, checks::run,
            () -> ReaderProbe.describe(Duration.ofSeconds(3)),
            () -> Pkcs11Probe.describe(config.pkcs11().library(), Pkcs11Probe.USUAL_PLACES),
            config.proxy().password().stream().toList());
        DiagnosticsBundle bundle = new DiagnosticsBundle(sources, clock);
        Path file = arguments.path("--out").orElse(Path.of(bundle.fileName())).toAbsolutePath();
        List<CheckResult> results;
        try {
          results = bundle.writeTo(file);
        } catch (IOException e) {
          throw new InstallerException("cannot write the diagnostics bundle to " + file + ": " + e.getMessage(), e);
        }
        results.stream().filter(r -> !r.passed()).forEach(r -> out.println(r.line()));
        out.println("Diagnostics bundle written to " + file + ": send this file to support.");
        return true;
      }
      default -> throw new IllegalArgumentException("diagnose: unknown action \"" + action + "\" (checks, bundle)");
    }
  }
}
