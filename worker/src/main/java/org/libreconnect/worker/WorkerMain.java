package org.libreconnect.worker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.libreconnect.config.ConfigLoader;
import org.libreconnect.config.ConnectorConfig;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.protocol.link.LinkCodec;
import org.libreconnect.runtime.InstallationLayout;
import org.libreconnect.pkcs11.CryptolibLibraries;
import org.libreconnect.runtime.LogSetup;
import org.libreconnect.runtime.MachineClock;
import org.libreconnect.runtime.SessionLogPruner;
import org.libreconnect.worker.card.AtrClassifier;
import org.libreconnect.worker.card.CardBackends;
import org.libreconnect.worker.card.CardExecutor;
import org.libreconnect.worker.card.CardService;
import org.libreconnect.worker.card.CardTerminalsPort;
import org.libreconnect.worker.card.PcscTerminalsPort;
import org.libreconnect.worker.card.SimulatedTerminalsPort;
import org.libreconnect.worker.data.PersistentDataStore;
import org.libreconnect.worker.dmp.DmpWiring;
import org.libreconnect.worker.handlers.DebugActions;
import org.libreconnect.worker.handlers.StandardHandlers;
import org.libreconnect.worker.printer.PrintSpool;
import org.libreconnect.worker.printer.PrinterHandlers;
import org.libreconnect.worker.insi.InsiWiring;
import org.libreconnect.worker.insi.LastVitaleRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of a worker process. Reads the token from standard input, connects to the master's
 * link port, says hello and serves frames until the link or standard input ends.
 *
 * <p>Exit status: 0 when the master ends the worker (link closed, standard input closed or {@code
 * link.shutdown}); 1 when it cannot start; 2 for a bad command line; 75 ({@code
 * LinkMessages.EXIT_REPLACE_ME}) when it asked the master to replace it because its PC/SC context
 * died with a restart of the PC/SC service.
 */
public final class WorkerMain {
  /** Room on the link for the frame header and JSON escaping around the largest client message. */
  static final int LINK_HEADROOM_BYTES = 1024 * 1024;

  private static final int EXIT_START_FAILED = 1;
  private static final int EXIT_USAGE = 2;

  private WorkerMain() {}

  public static void main(String[] args) {
    WorkerArguments arguments;
    try {
      arguments = WorkerArguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("LibreConnect worker: " + e.getMessage());
      System.err.println(WorkerArguments.USAGE);
      System.exit(EXIT_USAGE);
      return;
    }
    long pid = ProcessHandle.current().pid();
    LogSetup logSetup = LogSetup.configure(arguments.logDir(), "worker-" + pid, false);
    Logger log = LoggerFactory.getLogger(WorkerMain.class);
    log.info("worker.start pid={} id={} port={}", pid, arguments.workerId(), arguments.linkPort());
    try {
      start(arguments, logSetup, pid, System.in, System::exit);
    } catch (IOException | RuntimeException e) {
      log.error("worker.start.failed error={}", e.toString(), e);
      System.err.println("LibreConnect worker: cannot start: " + e.getMessage());
      System.exit(EXIT_START_FAILED);
    }
  }

  /** Wires the worker's objects and starts the link reader; returns once it runs. */
  static void start(
      WorkerArguments arguments, LogSetup logSetup, long pid, InputStream stdin, ProcessExit exit)
      throws IOException {
    String token = MasterPipe.readToken(stdin);
    byte[] configuration = arguments.configOnStdin() ? MasterPipe.readConfiguration(stdin) : null;
    MasterPipe.exitOnEndOfFile(stdin, exit);

    InstallationLayout layout = InstallationLayout.fromSystem();
    ConnectorConfig config;
    if (configuration != null) {
      // A terminal-server user's worker: its home is the user's own, made here, as that user.
      layout.createDirectories();
      config =
          configuration.length == 0
              ? ConnectorConfig.defaults()
              : ConfigLoader.parse(new ByteArrayInputStream(configuration), "the master's configuration");
      // The master cannot prune a user's old log folders: the user's worker does, sparing those
      // of the user's workers still running.
      new SessionLogPruner(layout, Clock.systemUTC())
          .prune(Duration.ofDays(config.server().maxSessionLogAgeDays()), config.server().maxSessionLogFolders());
    } else {
      // The master passes its configuration file; a worker started by hand reads the home's.
      String configProperty = System.getProperty("libreconnect.config");
      config =
          ConfigLoader.loadOrDefaults(
              configProperty == null ? layout.configFile() : java.nio.file.Path.of(configProperty));
    }
    LogControl logs = new LogSetupControl(logSetup);
    logs.setLevels(config.server().logLevel(), config.dmpConnect().logLevel());

    WireJson wire = new WireJson();
    Executor commandThreads = CommandThreads.create();
    ScheduledExecutorService streamTimer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("stream-timer").daemon(true).factory());
    PersistentDataStore persistentData =
        new PersistentDataStore(
            layout.persistentDataDir(), positive(config.server().maxPersistentDataBytes()));
    LinkCodec codec = new LinkCodec(linkFrameLimit(config.server().maxFrameBytes()));
    SocketLinkPeer peer = SocketLinkPeer.connect(arguments.linkPort(), codec);
    CommandActivity activity = new CommandActivity();
    WorkerRetirement retirement = new WorkerRetirement(peer, wire, activity, exit);
    Clock clock = new MachineClock();
    CardService cards = cardService(config, layout, clock, retirement);
    HandlerTable handlers =
        StandardHandlers.table(
            CommandCatalogue.standard(),
            persistentData,
            clock,
            logs,
            cards,
            DmpWiring.handlers(config, layout, clock, cards),
            InsiWiring.handlers(config, layout, clock, cards, new LastVitaleRead()),
            new PrinterHandlers(printSpool(layout), PrinterHandlers.MONITORING_PERIOD),
            DebugActions.process());
    SessionRegistry sessions =
        new SessionRegistry(
            positive(config.server().maxSessionDataBytes()), commandThreads, cards::release);
    RequestDispatcher dispatcher =
        new RequestDispatcher(handlers, sessions, logs, streamTimer, peer, wire, exit, activity);
    WorkerLink link = new WorkerLink(peer, dispatcher, wire, exit);
    link.sendHello(token, pid);
    link.start();
    WarmUp.start(wire, codec, commandThreads, () -> sessions.size() == 0, link::sendRehearsed);
  }

  /**
   * The worker's card access: the simulated card in simulation mode, else the machine's PC/SC
   * readers with the configured (or usual) PKCS#11 library.
   */
  static CardService cardService(
      ConnectorConfig config, InstallationLayout layout, Clock clock, WorkerRetirement retirement) {
    boolean simulation = config.simulation().enabled();
    CardTerminalsPort port =
        simulation
            ? SimulatedTerminalsPort.forInstallation(layout.dataDir().resolve("simulation"), clock)
            : new PcscTerminalsPort();
    CardBackends backends =
        new CardBackends(
            port,
            simulation,
            config.pkcs11().library(),
            CryptolibLibraries.forThisMachine(),
            new AtrClassifier(),
            clock);
    CardService cards = new CardService(new CardExecutor(), port, backends, clock, retirement::request);
    if (simulation) {
      cards.prepare(); // no native context is made: only the simulated card is readied
    }
    return cards;
  }

  /** The largest link frame: the largest client message plus {@link #LINK_HEADROOM_BYTES}. */
  static int linkFrameLimit(int maxFrameBytes) {
    return (int) Math.min(Integer.MAX_VALUE, (long) maxFrameBytes + LINK_HEADROOM_BYTES);
  }

  /** The data stores need a positive limit; a configured 0 lets one byte through at most. */
  private static long positive(int limitBytes) {
    return Math.max(1, limitBytes);
  }

  /** The virtual printer's spool folder, {@code <data>/printer}, created when missing. */
  private static PrintSpool printSpool(InstallationLayout layout) {
    PrintSpool spool = new PrintSpool(layout.dataDir().resolve("printer"));
    try {
      spool.prepare();
    } catch (java.io.IOException e) {
      org.slf4j.LoggerFactory.getLogger(WorkerMain.class)
          .warn("printer.spool.unavailable error={}", e.getClass().getSimpleName());
    }
    return spool;
  }
}
