package org.libreconnect.simulation;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ServiceLoader;
import javax.smartcardio.CardTerminals;

/**
 * What a worker in simulation mode needs from the simulators, found through {@link ServiceLoader}
 * so that the connector's code never refers to them: the {@code simulator} module provides the
 * one implementation, and only a worker in simulation mode has it on its class path (the
 * distribution's {@code lib/simulation}, docs/adr/0016-simulators-in-simulation-mode-only.md). Every method takes the
 * installation's simulation directory ({@code <home>/data/simulation}), where the simulation PKI
 * and the simulated card's keys are made on first use and kept.
 */
public interface Simulation {
  /** Readers, one of them named {@code readerName} and holding the installation's simulated card. */
  CardTerminals cardReaders(Path materialDirectory, Clock clock, String readerName);

  /**
   * Readers as on a health professional's desk: one named {@code cpsReaderName} holding the
   * installation's simulated CPS card, and one named {@code vitaleReaderName} holding the simulated
   * Vitale test card (the test family's four beneficiaries).
   */
  CardTerminals cardReaders(
      Path materialDirectory, Clock clock, String cpsReaderName, String vitaleReaderName);

  /** Starts a simulated DMP in this process and returns its base URL ({@code …/si-dmp-server/v2/services}). */
  URI startDmp(Path materialDirectory, Clock clock);

  /**
   * Starts a simulated INSi service in this process and returns its endpoint ({@code …/lps}). Its
   * server certificate chains to {@link #dmpServerRoot} (one simulation PKI for both services).
   */
  URI startInsi(Path materialDirectory, Clock clock);

  /** The password of {@link #establishmentKeyStore}'s PKCS#12 file (test keys only). */
  String ESTABLISHMENT_STORE_PASSWORD = "libreconnect-simulation";

  /** The structure (Struct_IdNat, the certificate's {@code OU}) of the simulated establishment. */
  String ESTABLISHMENT_STRUCTURE_ID = "499900063480002";

  /**
   * The simulated establishment's "ORG AUTH_CLI" key and certificate with its chain, as a PKCS#12
   * file in {@code materialDirectory} (made on first use, password {@link
   * #ESTABLISHMENT_STORE_PASSWORD}); the simulated DMP trusts its issuer. For the server mode.
   */
  Path establishmentKeyStore(Path materialDirectory, Clock clock);

  /** The root the simulated DMP's server certificate chains to. */
  X509Certificate dmpServerRoot(Path materialDirectory, Clock clock);

  /**
   * The simulators on the class path, one instance per process: the card, the DMP and the INSi
   * share it, so the simulation material (its PKCS#12 key stores are slow to open on purpose) is
   * read once per worker, not once per service.
   *
   * @throws IllegalStateException when there are none (a distribution without the simulator)
   */
  static Simulation load() {
    return Shared.get();
  }

  /** The process's instance, found on first use. */
  final class Shared {
    private static Simulation instance;

    private Shared() {}

    private static synchronized Simulation get() {
      if (instance == null) {
        instance = ServiceLoader.load(Simulation.class).findFirst().orElseThrow(() -> new IllegalStateException(
            "simulation mode needs the LibreConnect simulators (the distribution's lib/simulation)"
                + " on the class path"));
      }
      return instance;
    }
  }
}
