package org.libreconnect.worker.dmp;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.libreconnect.config.BuildFlavour;
import org.libreconnect.dmp.DmpSettings;
import org.libreconnect.dmp.DmpTrustStore;
import org.libreconnect.config.ConnectorConfig;
import org.libreconnect.runtime.InstallationLayout;
import org.libreconnect.runtime.Memoized;
import org.libreconnect.simulation.Simulation;
import org.libreconnect.worker.card.CardService;
import org.libreconnect.worker.dmp.card.CardDmpCredentialsSource;

/**
 * Puts the DMP client together from the configuration: trust roots, proxy, time server, dump
 * directory, the card layer and, in simulation mode, an in-process DMP simulator found through the
 * {@link Simulation} seam (started at the first connector that names production or a training
 * server).
 */
public final class DmpWiring {
  private DmpWiring() {}

  /** The DMP commands of a production worker. */
  public static DmpHandlers handlers(ConnectorConfig config, InstallationLayout layout, Clock clock, CardService cards) {
    boolean simulation = config.simulation().enabled();
    Path materialDirectory = layout.dataDir().resolve("simulation");
    Supplier<Simulation> simulator = Memoized.of(Simulation::load);
    Supplier<Optional<URI>> simulatorBase = simulation
        ? Memoized.of(() -> Optional.of(simulator.get().startDmp(materialDirectory, clock)))
        : Optional::empty;
    Path rootsDirectory = layout.tlsDir().resolve("dmp-roots");
    DmpSettings settings = new DmpSettings(config.proxy(), config.ntp(), config.dmpConnect().effectiveDumpDirectory(BuildFlavour.current(), layout.logDir().resolve("dumps")),
        urls -> DmpTrustStore.load(urls.environment(), rootsDirectory,
            simulation ? List.<X509Certificate>of(simulator.get().dmpServerRoot(materialDirectory, clock)) : List.of()),
        simulatorBase, config.dmpConnect().homologationNumber());
    CardDmpCredentialsSource credentials = new CardDmpCredentialsSource(cards);
    return new DmpHandlers(new DmpConnectorFactory(credentials, settings, clock),
        new DocumentFiles(layout.dataDir().resolve("documents")));
  }
}
