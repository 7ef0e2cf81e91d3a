package org.libreconnect.master;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.libreconnect.config.ConfigException;
import org.libreconnect.config.ConfigLoader;
import org.libreconnect.config.ConnectorConfig;
import org.libreconnect.config.ServerLimits;
import org.libreconnect.diagnostics.Endpoint;
import org.libreconnect.master.route.CommandRouter;
import org.libreconnect.master.route.MasterCommands;
import org.libreconnect.master.server.ConnectionLimiter;
import org.libreconnect.master.server.ConnectorInitializer;
import org.libreconnect.master.server.ConnectorServer;
import org.libreconnect.master.server.InFlightBytes;
import org.libreconnect.master.server.OriginPolicy;
import org.libreconnect.master.server.PageHandler;
import org.libreconnect.master.server.RequestGate;
import org.libreconnect.master.server.StaticFiles;
import org.libreconnect.master.server.WebSocketCommandHandler;
import org.libreconnect.master.session.SessionRegistry;
import org.libreconnect.master.session.SessionService;
import org.libreconnect.master.status.StatusPage;
import org.libreconnect.master.status.StatusService;
import org.libreconnect.master.status.SupportDiagnostics;
import org.libreconnect.master.tls.ServerCertificates;
import org.libreconnect.master.user.ProcessRights;
import org.libreconnect.master.user.SessionUserCheck;
import org.libreconnect.master.worker.UserWorkers;
import org.libreconnect.master.worker.WorkerClassPath;
import org.libreconnect.master.worker.WorkerCommandLine;
import org.libreconnect.master.worker.WorkerLauncher;
import org.libreconnect.master.worker.WorkerLinkServer;
import org.libreconnect.master.worker.WorkerPool;
import org.libreconnect.protocol.ProductVersion;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.protocol.error.ErrorMapper;
import org.libreconnect.protocol.link.LinkCodec;
import org.libreconnect.runtime.InstallationLayout;
import org.libreconnect.runtime.LogSetup;
import org.libreconnect.runtime.NativeHeapTrim;
import org.libreconnect.runtime.RunDirectory;
import org.libreconnect.runtime.SecretFileCheck;
import org.libreconnect.runtime.SessionLogPruner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the master: configuration, logs, zombie cleaning, TLS, workers, then the port. */
public final class MasterMain {
  private static final int LINK_HEADROOM_BYTES = 1024 * 1024;

  /**
   * How long after an idle worker is assigned its replacement starts: the new JVM then does not
   * compete for the CPU with the first commands of the application that just took the idle one.
   */
  private static final Duration PRESTART_REFILL_DELAY = Duration.ofSeconds(3);
  /** How long a stopping master waits for the worker start in progress (a first dump takes about 1 s). */
  private static final int STARTS_DRAIN_SECONDS = 5;

  /** Least budget for the bytes of messages in progress on all connections together. */
  private static final long IN_FLIGHT_FLOOR_BYTES = 64L * 1024 * 1024;

  private MasterMain() {}

  public static void main(String[] args) throws Exception {
    // Read by the JDK's TLS server when its classes load: a client may not renegotiate, a way to
    // make the server spend CPU at will (TLS 1.3 has no renegotiation at all).
    System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
    MasterOptions options;
    ConnectorConfig config;
    InstallationLayout layout;
    Path configFile;
    try {
      options = MasterOptions.parse(args, InstallationLayout.fromSystem().home());
      layout = new InstallationLayout(options.home());
      layout.createDirectories();
      configFile = options.configFile() == null ? layout.configFile() : options.configFile();
      config = ConfigLoader.loadOrDefaults(configFile);
    } catch (IllegalArgumentException | ConfigException | java.io.IOException e) {
      System.err.println("libreconnect: " + e.getMessage());
      System.err.print(MasterOptions.USAGE);
      System.exit(2);
      return;
    }
    LogSetup logs = LogSetup.configure(layout.logDir(), "master", options.console());
    logs.setServiceLevel(config.server().logLevel());
    logs.setConnectorLevel(config.dmpConnect().logLevel());
    Logger log = LoggerFactory.getLogger(MasterMain.class);
    try {
      run(options, config, configFile, layout, logs, log);
    } catch (Exception e) {
      log.error("master.failed error=\"{}\"", e.toString(), e);
      System.err.println("libreconnect: cannot start: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Lets the start in progress on the starter end (the first start of an installation dumps the
   * JDK's classes first) before the master does: a worker process started after its worker was
   * stopped is then killed as it is attached, instead of outliving the master and writing a
   * class-data archive of its start only as it exits. Queued starts see their worker stopped.
   */
  private static void drain(ExecutorService workerStarts, Logger log) {
    workerStarts.shutdown();
    try {
      if (!workerStarts.awaitTermination(STARTS_DRAIN_SECONDS, TimeUnit.SECONDS)) {
        log.warn("worker.starts.pending waited={}s", STARTS_DRAIN_SECONDS);
        workerStarts.shutdownNow();
      }
    } catch (InterruptedException e) {
      workerStarts.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static List<String> workerJvmOptions(Path configFile, ConnectorConfig config, Logger log) {
    List<String> options = new java.util.ArrayList<>(WorkerCommandLine.DEFAULT_JVM_OPTIONS);
    options.addAll(NativeHeapTrim.forThisJvm());
    if (config.server().limits().fixedClassDataAddress()) {
      List<String> fixed = WorkerCommandLine.fixedClassDataAddressOptions(Runtime.version());
      if (fixed.isEmpty()) {
        log.warn("config.ignored setting=server/fixed_class_data_address reason=\"not measured on"
            + " Java {}: workers map their class data at a random address\"", Runtime.version().feature());
      } else {
        log.info("workers.classData address=fixed setting=server/fixed_class_data_address");
      }
      options.addAll(fixed);
    }
    options.add("-Dlibreconnect.config=" + configFile.toAbsolutePath());
    return options;
  }

  private static void run(
      MasterOptions options,
      ConnectorConfig config,
      Path configFile,
      InstallationLayout layout,
      LogSetup logs,
      Logger log)
      throws Exception {
    Clock clock = Clock.systemUTC();
    long self = ProcessHandle.current().pid();
    RunDirectory runDirectory = new RunDirectory(layout);
    SecretFileCheck.warnIfReadableByOthers(configFile, config.secretSettings());
    runDirectory.removeStale();
    if (config.server().cleanZombies()) {
      List<Long> ended = runDirectory.cleanLeftovers(Duration.ofSeconds(3), self);
      if (!ended.isEmpty()) {
        log.warn("zombies.cleaned pids={}", ended);
      }
    }
    runDirectory.recordSelf("master");
    new SessionLogPruner(layout, clock)
        .prune(Duration.ofDays(config.server().maxSessionLogAgeDays()),
            config.server().maxSessionLogFolders());

    ServerCertificates certificates =
        new ServerCertificates(layout.tlsDir(), config.server().hostName(), clock);
    ServerCertificates.Material tls = certificates.ensure();

    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventLoopGroup io = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    // The workers' link has an event loop of its own: a flood on the public port cannot hold
    // their answers up.
    EventLoopGroup linkLoop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    ExecutorService workerStarts =
        Executors.newSingleThreadExecutor(Thread.ofPlatform().name("worker-start").daemon(true).factory());
    ServerLimits limits = config.server().limits();
    WireJson json = new WireJson();
    ErrorMapper errors = new ErrorMapper();
    CommandCatalogue catalogue = CommandCatalogue.standard();
    int maxFrameBytes = config.server().maxFrameBytes();

    WorkerLinkServer link = new WorkerLinkServer(new LinkCodec(maxFrameBytes + LINK_HEADROOM_BYTES), json);
    link.start(linkLoop);
    WorkerLauncher launcher =
        new WorkerLauncher(
            layout, runDirectory, link, WorkerLauncher.currentJava(),
            WorkerClassPath.forThisMaster(config.simulation().enabled()),
            workerJvmOptions(configFile, config, log), clock,
            new UserWorkers(configFile, UserWorkers.pcscSocketPatternFrom(System.getenv()),
                ProcessRights.current().uid()),
            limits.sharedClassData());
    WorkerPool pool =
        new WorkerPool(
            launcher,
            new WorkerPool.Limits(
                limits.maxWorkers(),
                config.server().prestartedWorkers(),
                Duration.ofMillis(limits.workerStartIntervalMillis()),
                PRESTART_REFILL_DELAY),
            workerStarts);
    pool.start();

    SessionRegistry registry = new SessionRegistry(clock);
    // Terminal-server users: name service and socket table look-ups block, so they run here.
    ExecutorService userChecks =
        Executors.newFixedThreadPool(2, Thread.ofPlatform().name("user-check-", 0).daemon(true).factory());
    // Files a command or a page reads (log tails, the CA certificate, example pages) are read
    // here, never on an event loop.
    ExecutorService fileReads =
        Executors.newFixedThreadPool(2, Thread.ofPlatform().name("file-read-", 0).daemon(true).factory());
    SessionService sessions =
        new SessionService(registry, pool, json, config, clock, SessionUserCheck.system(), userChecks);
    OriginPolicy origins =
        new OriginPolicy(config.server().allowedOrigins(), config.server().logOrigins());
    CommandRouter router =
        new CommandRouter(json, errors, catalogue, registry,
            new MasterCommands(json, sessions, pool, logs, origins, fileReads), clock,
            config.debug().crashCommands());
    int port = options.port().orElse(config.server().port());
    String listen = config.server().ip() + ":" + port;
    ScheduledExecutorService supportThread = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("support").daemon(true).factory());
    SupportDiagnostics support = new SupportDiagnostics(config, configFile, layout.logDir(),
        certificates.caCertificateFile(), Endpoint.NATIONAL, supportThread, clock);
    StatusService status =
        new StatusService(registry, pool, origins, clock.instant(), config.simulation().enabled(),
            listen, tls::expiresAt, support);
    StatusPage page = new StatusPage();
    StaticFiles files =
        new StaticFiles(MasterMain.class.getClassLoader(), certificates.caCertificateFile(),
            config.server().hostName(), fileReads);

    Set<String> hosts = RequestGate.hostsFor(config.server().hostName(), config.server().ip());
    ConnectorServer server = new ConnectorServer();
    try {
      server.start(
        boss,
        io,
        new InetSocketAddress(config.server().ip(), port),
        new ConnectorInitializer(
            ConnectorServer.sslContext(tls.key(), tls.chain()),
            new ConnectionLimiter(limits.maxConnections()),
            new InFlightBytes(Math.max(4L * maxFrameBytes, IN_FLIGHT_FLOOR_BYTES)),
            () -> new RequestGate(origins, hosts, limits.maxRestBodyBytes()),
            () -> new PageHandler(status, page, origins, router, catalogue, json, files),
            () -> new WebSocketCommandHandler(router, json, errors, maxFrameBytes,
                Duration.ofSeconds(limits.idleTimeoutSeconds())),
            new ConnectorInitializer.Limits(
                maxFrameBytes,
                limits.maxRestBodyBytes(),
                Duration.ofSeconds(limits.requestTimeoutSeconds()),
                Duration.ofSeconds(limits.idleTimeoutSeconds()))));
    } catch (Exception e) {
      // Netty rethrows the bind failure undeclared.
      if (!(e instanceof java.net.BindException)) {
        throw e;
      }
      throw new IllegalStateException("port " + port + " on " + config.server().ip()
          + " is already in use: stop the program that holds it (another connector?) or set another"
          + " server/port in " + configFile, e);
    }
    int boundPort = server.address().getPort();
    origins.allowOwnPages(config.server().hostName(), boundPort);
    io.scheduleAtFixedRate(sessions::expireIdle, 1, 1, TimeUnit.SECONDS);
    support.start();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("master.stop");
                  server.close();
                  CompletableFuture.allOf(
                          registry.all().stream()
                              .map(s -> sessions.end(s, "the connector is stopping"))
                              .toArray(CompletableFuture[]::new))
                      .completeOnTimeout(null, 5, TimeUnit.SECONDS)
                      .join();
                  pool.close();
                  drain(workerStarts, log);
                  supportThread.shutdownNow();
                  userChecks.shutdownNow();
                  fileReads.shutdownNow();
                  link.close();
                  linkLoop.shutdownGracefully(0, 2, TimeUnit.SECONDS);
                  io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
                  boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
                  try {
                    runDirectory.forget(self);
                  } catch (java.io.IOException e) {
                    log.warn("run.forget.failed error=\"{}\"", e.toString());
                  }
                  stopped.countDown();
                },
                "libreconnect-shutdown"));

    log.info("master.ready version={} listen={}:{} simulation={} pid={}", ProductVersion.current(),
        config.server().ip(), boundPort, config.simulation().enabled(), self);
    System.out.println("LibreConnect " + ProductVersion.current() + " is running"
        + (config.simulation().enabled() ? " in simulation mode" : "") + " (pid " + self + ").");
    System.out.println("Status page: https://" + config.server().hostName() + ":" + boundPort + "/");
    System.out.println("             https://127.0.0.1:" + boundPort + "/ (same page by address)");
    System.out.println("WebSocket:   wss://" + config.server().hostName() + ":" + boundPort);
    System.out.println("Logs:        " + layout.logDir());
    System.out.println("Examples:    https://" + config.server().hostName() + ":" + boundPort + StaticFiles.EXAMPLES);
    System.out.println("CA certificate to trust: " + certificates.caCertificateFile());
    System.out.flush();
    stopped.await();
  }
}
