package org.libreconnect.master.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.libreconnect.master.user.OsAccount;
import org.libreconnect.runtime.InstallationLayout;
import org.libreconnect.runtime.LogSetup;
import org.libreconnect.runtime.RunDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and starts worker JVMs: same Java runtime as the master, its class path (plus the
 * simulators in simulation mode only, {@link WorkerClassPath}), explicit argv, a log directory of
 * their own under {@code logs/sessions/<random>/}, and a random token on standard input that the
 * worker must send back over the link. The worker of a terminal-server user runs as that user,
 * with its logs and data in the user's home ({@link UserWorkers}, docs/adr/0026).
 */
public final class WorkerLauncher implements WorkerFactory {
  private static final Logger log = LoggerFactory.getLogger(WorkerLauncher.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private final InstallationLayout layout;
  private final RunDirectory runDirectory;
  private final WorkerLinkServer linkServer;
  private final Path javaExecutable;
  private final String classPath;
  private final List<String> jvmOptions;
  private final Clock clock;
  private final UserWorkers userWorkers;
  private final WorkerClassData classData;
  private final java.util.Set<CompletableFuture<Void>> exits = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final SecureRandom random = new SecureRandom();
  private final AtomicInteger ids = new AtomicInteger();

  public WorkerLauncher(
      InstallationLayout layout,
      RunDirectory runDirectory,
      WorkerLinkServer linkServer,
      Path javaExecutable,
      String classPath,
      List<String> jvmOptions,
      Clock clock) {
    this(layout, runDirectory, linkServer, javaExecutable, classPath, jvmOptions, clock, null, false);
  }

  /**
   * @param userWorkers how workers of terminal-server users start; null when this launcher starts
   *     workers of the connector's own account only
   * @param sharedClassData whether the connector's own workers share their class data at an
   *     address of the installation's own, where the platform allows ({@link SharedClassBase})
   */
  public WorkerLauncher(
      InstallationLayout layout,
      RunDirectory runDirectory,
      WorkerLinkServer linkServer,
      Path javaExecutable,
      String classPath,
      List<String> jvmOptions,
      Clock clock,
      UserWorkers userWorkers,
      boolean sharedClassData) {
    this.userWorkers = userWorkers;
    this.layout = layout;
    this.runDirectory = runDirectory;
    this.linkServer = linkServer;
    this.javaExecutable = javaExecutable;
    this.classPath = classPath;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.clock = clock;
    this.classData = new WorkerClassData(layout.dataDir(), classPath, Runtime.version(),
        Boolean.getBoolean(WorkerClassData.AOT_PROPERTY),
        sharedClassData && SharedClassBase.availableHere() ? SharedClassBase.dumpingWith(javaExecutable) : null,
        random);
  }

  @Override
  public void awaitExits(Duration timeout) {
    try {
      CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      log.warn("worker.exits.pending count={}", exits.size());
    }
  }

  @Override
  public Duration stopGrace(WorkerHandle worker, Duration usual) {
    return classData.isTraining(worker.id()) ? WorkerClassData.TRAINER_STOP_GRACE : usual;
  }

  /** The java executable that runs this JVM. */
  public static Path currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  @Override
  public WorkerHandle create() {
    int id = ids.incrementAndGet();
    return new WorkerHandle(id, layout.sessionsLogDir().resolve(randomHex(8)), clock.instant());
  }

  /** A worker of a terminal-server user: its logs go to the user's own home. */
  @Override
  public WorkerHandle createFor(OsAccount account) {
    if (userWorkers == null) {
      return WorkerFactory.super.createFor(account);
    }
    int id = ids.incrementAndGet();
    Path logDirectory = userWorkers.layoutOf(account).sessionsLogDir().resolve(randomHex(8));
    return new WorkerHandle(id, logDirectory, clock.instant());
  }

  /**
   * Starts the worker's process; it becomes usable when {@link WorkerHandle#ready()} completes.
   * Blocking: runs on the pool's starter thread.
   */
  @Override
  public void start(WorkerHandle worker) {
    int id = worker.id();
    Path logDirectory = worker.logDirectory();
    String token = randomHex(32);
    OsAccount account = worker.key().flatMap(WorkerKey::runAs).orElse(null);
    if (account != null && userWorkers == null) {
      throw new WorkerLostException("This connector cannot start workers as another user");
    }
    Path home = account == null ? layout.home() : userWorkers.layoutOf(account).home();
    List<String> options = new java.util.ArrayList<>(jvmOptions);
    // a user's worker could neither read nor write the class data in the connector's home
    WorkerClassData.Choice classes =
        account == null ? classData.choose(id) : new WorkerClassData.Choice("none", List.of());
    for (String option : classes.options()) {
      if (!options.contains(option)) { // the fixed-address options may be there already
        options.add(option);
      }
    }
    if (worker.stopped()) {
      // stopped while its class data was prepared (the first start may dump the JDK's classes)
      log.info("worker.start.skipped worker={} reason=\"stopped before its process started\"", id);
      return;
    }
    WorkerCommandLine commandLine =
        new WorkerCommandLine(
            javaExecutable,
            classPath,
            options,
            RunDirectory.homeMarker(home),
            linkServer.port(),
            logDirectory,
            id);
    Process process;
    byte[] configuration = null;
    try {
      // The console (what the JVM or setpriv print before the worker's own logs exist) stays in
      // the connector's logs: the master cannot write in a user's home.
      Path consoleDirectory = layout.createSessionLogDirectory(logDirectory.getFileName().toString());
      Path console = LogSetup.createOwnerOnlyLogFile(consoleDirectory.resolve("console.log"));
      ProcessBuilder builder;
      if (account == null) {
        builder = new ProcessBuilder(commandLine.toArgv());
      } else {
        configuration = userWorkers.configuration();
        builder = new ProcessBuilder(userWorkers.argv(account, commandLine.toArgv()));
        userWorkers.environment(builder.environment(), account);
        log.info("worker.runas worker={} uid={} pcsc={}", id, account.uid(), userWorkers.pcscSocket(account).orElse("(the connector's)"));
      }
      process = builder.redirectErrorStream(true).redirectOutput(console.toFile()).start();
    } catch (IOException e) {
      throw new WorkerLostException("Could not start a worker process: " + e.getMessage());
    }
    if (!worker.attach(process)) {
      log.info("worker.start.skipped worker={} pid={} reason=\"stopped while its process started\"", id, process.pid());
      return;
    }
    linkServer.expect(token, worker);
    try {
      runDirectory.record("worker", process.toHandle());
    } catch (IOException e) {
      log.warn("run.record.failed pid={} error=\"{}\"", process.pid(), e.toString());
    }
    sendToken(process, token, configuration);
    CompletableFuture<Void> handled = process
        .onExit()
        .thenAccept(
            exited -> {
              try {
                runDirectory.forget(exited.pid());
              } catch (IOException e) {
                log.warn("run.forget.failed pid={} error=\"{}\"", exited.pid(), e.toString());
              }
              linkServer.forget(token);
              if (account == null) {
                classData.exited(id, exited.exitValue(), worker.wasAtWork());
              }
              worker.exited(exited.exitValue());
            });
    exits.add(handled);
    handled.whenComplete((ignored, failure) -> exits.remove(handled));
    worker
        .ready()
        .copy()
        .orTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(
            failure -> {
              if (worker.state() == WorkerHandle.State.STARTING) {
                log.warn("worker.start.timeout worker={} pid={} logs={}", id, process.pid(),
                    logDirectory);
                process.destroyForcibly();
              }
              return worker;
            });
    log.info("worker.start worker={} pid={} classes={} logs={}", id, process.pid(), classes.name(), logDirectory);
  }

  /**
   * Writes the token line, then for a user's worker the configuration as one base64 line. The
   * stream stays open: its end tells the worker that the master is gone.
   */
  private static void sendToken(Process process, String token, byte[] configuration) {
    OutputStream stdin = process.getOutputStream();
    try {
      stdin.write((token + "\n").getBytes(StandardCharsets.US_ASCII));
      if (configuration != null) {
        stdin.write(Base64.getEncoder().encode(configuration));
        stdin.write('\n');
      }
      stdin.flush();
    } catch (IOException e) {
      process.destroyForcibly();
      throw new UncheckedIOException("Could not hand the token to worker " + process.pid(), e);
    }
  }

  private String randomHex(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return HexFormat.of().formatHex(value);
  }
}
