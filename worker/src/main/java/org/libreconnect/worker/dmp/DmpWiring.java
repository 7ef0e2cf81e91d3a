package org.libreconnect.worker.dmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.libreconnect.config.ConnectorConfig;
import org.libreconnect.runtime.InstallationLayout;
import org.libreconnect.simulator.dmp.DmpSimulator;
import org.libreconnect.simulator.dmp.DmpSimulatorConfig;
import org.libreconnect.simulator.pki.SimulationMaterial;
import org.libreconnect.worker.card.CardService;
import org.libreconnect.worker.dmp.card.CardDmpCredentialsSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the DMP client together from the configuration: trust roots, proxy, time server, dump
 * directory, the card layer and, in simulation mode, the simulated card's keys and an in-process
 * DMP simulator (started at the first connector that names production or a training server).
 */
public final class DmpWiring {
  private static final Logger log = LoggerFactory.getLogger(DmpWiring.class);

  private DmpWiring() {}

  /** The DMP commands of a production worker. */
  public static DmpHandlers handlers(ConnectorConfig config, InstallationLayout layout, Clock clock, CardService cards) {
    boolean simulation = config.simulation().enabled();
    Path materialDirectory = layout.dataDir().resolve("simulation");
    Supplier<SimulationMaterial> material = memoize(() -> {
      try {
        return SimulationMaterial.loadOrCreate(materialDirectory, clock);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the simulation material", e);
      }
    });
    Supplier<Optional<URI>> simulatorBase = simulation
        ? memoize(() -> {
            DmpSimulator simulator = DmpSimulator.start(
                DmpSimulatorConfig.defaults(material.get().pki()).withProductionLikeListener(false, 0));
            log.info("dmp.simulator.started url={}", simulator.baseUrl());
            return Optional.of(simulator.baseUrl());
          })
        : Optional::empty;
    Path rootsDirectory = layout.tlsDir().resolve("dmp-roots");
    DmpSettings settings = new DmpSettings(config.proxy(), config.ntp(), config.dmpConnect().transactionDumpDirectory(),
        urls -> DmpTrustStore.load(urls.environment(), rootsDirectory,
            simulation ? List.<X509Certificate>of(material.get().pki().elementaryRoot()) : List.of()),
        simulatorBase, config.dmpConnect().homologationNumber());
    CardDmpCredentialsSource credentials = new CardDmpCredentialsSource(cards);
    return new DmpHandlers(new DmpConnectorFactory(credentials, settings, clock));
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
