package org.libreconnect.supervisor;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import org.libreconnect.config.ConfigLoader;
import org.libreconnect.config.ConnectorConfig;
import org.libreconnect.diagnostics.BundleSources;
import org.libreconnect.diagnostics.CheckResult;
import org.libreconnect.diagnostics.DiagnosticsBundle;
import org.libreconnect.diagnostics.Endpoint;
import org.libreconnect.diagnostics.Pkcs11Probe;
import org.libreconnect.diagnostics.ReaderProbe;
import org.libreconnect.diagnostics.StatusFetcher;
import org.libreconnect.diagnostics.SupportChecks;
import org.libreconnect.runtime.InstallationLayout;

/** The Support tab's actions: the log folder, the diagnostics bundle, the status. */
public final class SupportController {
  static final Duration TIMEOUT = Duration.ofSeconds(4);

  private final InstallationLayout layout;
  private final Clock clock;
  private final IntSupplier port;

  /** For the connector of {@code layout}, on the port its configuration names. */
  public SupportController(InstallationLayout layout, Clock clock) {
    this(layout, clock, () -> ConfigLoader.loadOrDefaults(layout.configFile()).server().port());
  }

  /** With the port given by {@code port} (a connector started on another port than configured). */
  public SupportController(InstallationLayout layout, Clock clock, IntSupplier port) {
    this.layout = layout;
    this.clock = clock;
    this.port = port;
  }

  public InstallationLayout layout() {
    return layout;
  }

  private ConnectorConfig config() {
    return ConfigLoader.loadOrDefaults(layout.configFile());
  }

  private Path caCertificate() {
    return layout.tlsDir().resolve("ca.crt");
  }

  /** The master's status, or {@link StatusView#unreachable()}. Blocking: call off the Swing thread. */
  public StatusView status() {
    try {
      return StatusView.parse(new StatusFetcher(caCertificate(), port.getAsInt(), TIMEOUT).fetch());
    } catch (IOException | RuntimeException e) {
      return StatusView.unreachable();
    }
  }

  /** Writes the bundle to {@code file}; blocking, off the Swing thread. */
  public List<CheckResult> exportBundle(Path file) throws IOException {
    ConnectorConfig config = config();
    StatusFetcher status = new StatusFetcher(caCertificate(), port.getAsInt(), TIMEOUT);
    BundleSources sources = new BundleSources(layout.configFile(), layout.logDir(), status::fetchOrExplain,
        () -> SupportChecks.forConfig(config, Endpoint.NATIONAL, caCertificate(), TIMEOUT).run(),
        () -> ReaderProbe.describe(Duration.ofSeconds(3)),
        () -> Pkcs11Probe.describe(config.pkcs11().library(), Pkcs11Probe.USUAL_PLACES),
        config.proxy().password().stream().toList());
    return new DiagnosticsBundle(sources, clock).writeTo(file);
  }

  public String bundleFileName() {
    return new DiagnosticsBundle(new BundleSources(layout.configFile(), layout.logDir(), () -> "",
        List::of, () -> "", () -> "", List.of()), clock).fileName();
  }

  /** Opens the log folder in the desktop's file manager; false when there is none. */
  public boolean openLogFolder() {
    Path folder = layout.logDir();
    try {
      if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
        Desktop.getDesktop().open(folder.toFile());
        return true;
      }
      new ProcessBuilder("xdg-open", folder.toString()).start();
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
