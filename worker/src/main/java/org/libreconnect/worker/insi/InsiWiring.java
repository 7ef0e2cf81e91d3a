package org.libreconnect.worker.insi;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.libreconnect.config.BuildFlavour;
import org.libreconnect.config.ConnectorConfig;
import org.libreconnect.dmp.DmpTrustStore;
import org.libreconnect.insi.InsiSettings;
import org.libreconnect.runtime.InstallationLayout;
import org.libreconnect.runtime.Memoized;
import org.libreconnect.simulation.Simulation;
import org.libreconnect.worker.card.CardService;
import org.libreconnect.worker.dmp.card.CardDmpCredentialsSource;

/**
 * Puts the INSi client together from the configuration: trust roots ({@code <home>/tls/insi-roots/}),
 * proxy, time server, dump directory, the card layer, the session's Vitale reads and, in
 * simulation mode, an in-process INSi simulator found through the {@link Simulation} seam (started
 * at the first connector that names an official INSi URL).
 */
public final class InsiWiring {
  private InsiWiring() {}

  /** The INSi commands of a production worker. */
  public static InsiHandlers handlers(ConnectorConfig config, InstallationLayout layout, Clock clock,
      CardService cards, VitaleBeneficiaries vitale) {
    boolean simulation = config.simulation().enabled();
    Path materialDirectory = layout.dataDir().resolve("simulation");
    Supplier<Simulation> simulator = Memoized.of(Simulation::load);
    Supplier<Optional<URI>> endpoint = simulation
        ? Memoized.of(() -> Optional.of(simulator.get().startInsi(materialDirectory, clock)))
        : Optional::empty;
    Path rootsDirectory = layout.tlsDir().resolve("insi-roots");
    InsiSettings settings = new InsiSettings(config.proxy(), config.ntp(),
        config.dmpConnect().effectiveDumpDirectory(BuildFlavour.current(), layout.logDir().resolve("dumps")),
        () -> DmpTrustStore.load(rootsDirectory, simulation
            ? List.<X509Certificate>of(simulator.get().dmpServerRoot(materialDirectory, clock)) : List.of()),
        endpoint);
    return new InsiHandlers(new InsiConnectorFactory(new CardDmpCredentialsSource(cards), settings, clock), vitale);
  }
}
