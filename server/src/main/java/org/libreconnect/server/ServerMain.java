package org.libreconnect.server;

import io.netty.handler.ssl.OpenSslContext;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.libreconnect.config.BuildFlavour;
import org.libreconnect.config.ConfigException;
import org.libreconnect.config.ConfigLoader;
import org.libreconnect.config.ConnectorConfig;
import org.libreconnect.config.RestServerConfig;
import org.libreconnect.dmp.DmpSettings;
import org.libreconnect.dmp.DmpTrustStore;
import org.libreconnect.dmp.time.NtpClocks;
import org.libreconnect.dmp.transport.CxfDmpTransport;
import org.libreconnect.runtime.InstallationLayout;
import org.libreconnect.runtime.LogSetup;
import org.libreconnect.runtime.Memoized;
import org.libreconnect.simulation.Simulation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code libreconnect-server}: the server mode. Reads {@code <rest_server>} and the shared
 * sections (proxy, NTP, dmpconnect, simulation) of the configuration file, loads the
 * establishment credential, and serves until SIGTERM, then stops gracefully. In simulation mode
 * the simulators (through the {@link Simulation} seam) provide the DMP, the establishment
 * certificate and a test caller, and a ready-to-run {@code curl} line is printed.
 */
public final class ServerMain {
  static final String USAGE = "usage: libreconnect-server [--home DIR] [--config FILE] [--console] [--port N]\n"
      + "  --home DIR     installation directory (default: $LIBRECONNECT_HOME or ~/.libreconnect)\n"
      + "  --config FILE  configuration file (default: DIR/libreconnect.xml)\n"
      + "  --console      also log to standard error\n"
      + "  --port N       listen on port N instead of rest_server/port (0 = any free port)\n";
  /** The patient of the printed example in simulation mode (a DMP of the simulator's seed). */
  public static final String SIMULATION_PATIENT = "279035121518989";

  private ServerMain() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
    Path home = InstallationLayout.fromSystem().home();
    Path configFile = null;
    boolean console = false;
    Integer port = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--home" -> home = Path.of(args[++i]);
          case "--config" -> configFile = Path.of(args[++i]);
          case "--console" -> console = true;
          case "--port" -> port = Integer.parseInt(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
    } catch (RuntimeException e) {
      System.err.println("libreconnect-server: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    InstallationLayout layout = new InstallationLayout(home);
    ConnectorConfig config;
    RestServerConfig rest;
    try {
      layout.createDirectories();
      Path file = configFile == null ? layout.configFile() : configFile;
      config = ConfigLoader.loadOrDefaults(file);
      rest = RestServerConfig.load(file);
    } catch (ConfigException | java.io.IOException e) {
      System.err.println("libreconnect-server: " + e.getMessage());
      System.exit(2);
      return;
    }
    LogSetup logs = LogSetup.configure(layout.logDir(), "server", console);
    logs.setServiceLevel(config.server().logLevel());
    logs.setConnectorLevel(config.dmpConnect().logLevel());
    Logger log = LoggerFactory.getLogger(ServerMain.class);
    try {
      run(config, rest, layout, port, log);
    } catch (Exception e) {
      log.error("server.failed error=\"{}\"", e.toString(), e);
      System.err.println("libreconnect-server: cannot start: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void run(ConnectorConfig config, RestServerConfig rest, InstallationLayout layout,
      Integer portOverride, Logger log) throws Exception {
    Clock clock = Clock.systemUTC();
    boolean simulation = config.simulation().enabled();
    Path material = layout.dataDir().resolve("simulation");
    Simulation simulator = simulation ? simulation() : null;
    Optional<URI> simulatorBase = simulation ? Optional.of(simulator.startDmp(material, clock)) : Optional.empty();
    List<X509Certificate> extraRoots = simulation ? List.of(simulator.dmpServerRoot(material, clock)) : List.of();
    RestServerConfig.Establishment establishmentSettings = rest.establishment();
    if (!establishmentSettings.configured() && simulation) {
      Path store = simulator.establishmentKeyStore(material, clock);
      Path password = material.resolve("establishment.password");
      org.libreconnect.runtime.AtomicFiles.write(password,
          Simulation.ESTABLISHMENT_STORE_PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          org.libreconnect.runtime.AtomicFiles.Access.OWNER_ONLY);
      establishmentSettings = new RestServerConfig.Establishment(Optional.of(store), Optional.of(password),
          Optional.empty(), Optional.empty(), Optional.empty());
    }
    EstablishmentCredential establishment = EstablishmentCredential.load(establishmentSettings);
    log.info("server.establishment subject=\"{}\" structure={}",
        establishment.certificate().getSubjectX500Principal().getName(), establishment.structureId());
    Path rootsDirectory = layout.tlsDir().resolve("dmp-roots");
    Supplier<Optional<URI>> base = () -> simulatorBase;
    DmpSettings settings = new DmpSettings(config.proxy(), config.ntp(),
        config.dmpConnect().effectiveDumpDirectory(BuildFlavour.current(), layout.logDir().resolve("dumps")),
        urls -> DmpTrustStore.load(urls.environment(), rootsDirectory, extraRoots), base,
        config.dmpConnect().homologationNumber());
    NtpClocks clocks = new NtpClocks(clock);
    Clock dmpClock = clocks.forServer(config.ntp().server().orElse(null), config.ntp().port());
    Duration timeout = Duration.ofSeconds(rest.requestTimeoutSeconds());
    DmpAccess dmp = new DmpAccess(establishment, settings, dmpClock, CxfDmpTransport::new,
        proxy(config.proxy()), timeout);
    List<RestServerConfig.Caller> callers = new ArrayList<>(rest.callers());
    String testToken = null;
    if (simulation) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      testToken = "sim-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      callers.add(new RestServerConfig.Caller("simulation-test-caller", Optional.of(Callers.sha256(testToken)),
          Optional.empty(), Set.of("*")));
    }
    int workers = Math.max(4, Math.min(rest.maxInFlight(), 64));
    ExecutorService executor = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, "dmp-call");
          thread.setDaemon(true);
          return thread;
        });
    Path insiRoots = layout.tlsDir().resolve("insi-roots");
    Supplier<Optional<URI>> insiEndpoint = simulation ? Memoized.of(() -> Optional.of(simulator.startInsi(material, clock)))
        : Optional::empty;
    InsiAccess insi = new InsiAccess(establishment, () -> DmpTrustStore.load(insiRoots, extraRoots), insiEndpoint,
        settings.dumpDirectory(), dmpClock, CxfDmpTransport::new, proxy(config.proxy()), timeout);
    RestService service = new RestService(dmp, insi, new Callers(callers), new Cors(rest.corsOrigins()), executor,
        rest.maxInFlight(), timeout);
    SslContext tls = ServerTls.context(rest, layout.tlsDir(), clock);
    int port = portOverride == null ? rest.port() : portOverride;
    RestServer server = RestServer.start(service, executor, dmp, tls, new InetSocketAddress(rest.ip(), port));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(timeout.plusSeconds(1)), "graceful-stop"));
    log.info("server.started ip={} port={} simulation={} tls={}", rest.ip(), server.port(), simulation,
        tls instanceof OpenSslContext ? "openssl" : "jdk");
    System.out.println("libreconnect-server: listening on https://" + rest.ip() + ":" + server.port()
        + (simulation ? " (simulation mode)" : ""));
    if (testToken != null) {
      Path ca = ServerTls.generatedDirectory(layout.tlsDir()).resolve("ca.crt");
      System.out.println(CurlExample.getDmpStatus(server.port(), ca, testToken, SIMULATION_PATIENT));
    }
    System.out.flush();
    Thread.currentThread().join();
  }

  /**
   * The process's simulators ({@link Simulation#load}), on the class path in simulation mode only:
   * tests and build trees have them; the distribution's launcher adds lib/simulation with {@code
   * --simulation} (docs/adr/0016), which the error names when they are absent.
   */
  private static Simulation simulation() {
    try {
      return Simulation.load();
    } catch (IllegalStateException absent) {
      throw new IllegalStateException("simulation mode needs the LibreConnect simulators:"
          + " start it with libreconnect-server --simulation", absent);
    }
  }

  private static Optional<org.libreconnect.dmp.transport.ProxySettings> proxy(org.libreconnect.config.Proxy configured) {
    if (!configured.configured()) {
      return Optional.empty();
    }
    return Optional.of(new org.libreconnect.dmp.transport.ProxySettings(configured.server().get(),
        configured.port().getAsInt(), configured.login(), configured.password()));
  }
}
