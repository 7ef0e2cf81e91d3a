package org.libreconnect.master.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.libreconnect.runtime.InstallationLayout;
import org.libreconnect.runtime.LogSetup;
import org.libreconnect.runtime.RunDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and starts worker JVMs: same Java runtime as the master, its class path (plus the
 * simulators in simulation mode only, {@link WorkerClassPath}), explicit argv, a log directory of
 * their own under {@code logs/sessions/<random>/}, and a random token on standard input that the
 * worker must send back over the link.
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
    this.layout = layout;
    this.runDirectory = runDirectory;
    this.linkServer = linkServer;
    this.javaExecutable = javaExecutable;
    this.classPath = classPath;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.clock = clock;
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

  /**
   * Starts the worker's process; it becomes usable when {@link WorkerHandle#ready()} completes.
   * Blocking: runs on the pool's starter thread.
   */
  @Override
  public void start(WorkerHandle worker) {
    int id = worker.id();
    Path logDirectory = worker.logDirectory();
    String token = randomHex(32);
    WorkerCommandLine commandLine =
        new WorkerCommandLine(
            javaExecutable,
            classPath,
            jvmOptions,
            RunDirectory.homeMarker(layout.home()),
            linkServer.port(),
            logDirectory,
            id);
    Process process;
    try {
      layout.createSessionLogDirectory(logDirectory.getFileName().toString());
      Path console = LogSetup.createOwnerOnlyLogFile(logDirectory.resolve("console.log"));
      process =
          new ProcessBuilder(commandLine.toArgv())
              .redirectErrorStream(true)
              .redirectOutput(console.toFile())
              .start();
    } catch (IOException e) {
      throw new WorkerLostException("Could not start a worker process: " + e.getMessage());
    }
    worker.attach(process);
    linkServer.expect(token, worker);
    try {
      runDirectory.record("worker", process.toHandle());
    } catch (IOException e) {
      log.warn("run.record.failed pid={} error=\"{}\"", process.pid(), e.toString());
    }
    sendToken(process, token);
    process
        .onExit()
        .thenAccept(
            exited -> {
              try {
                runDirectory.forget(exited.pid());
              } catch (IOException e) {
                log.warn("run.forget.failed pid={} error=\"{}\"", exited.pid(), e.toString());
              }
              linkServer.forget(token);
              worker.exited(exited.exitValue());
            });
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
    log.info("worker.start worker={} pid={} logs={}", id, process.pid(), logDirectory);
  }

  private static void sendToken(Process process, String token) {
    // The stream stays open: its end tells the worker that the master is gone.
    OutputStream stdin = process.getOutputStream();
    try {
      stdin.write((token + "\n").getBytes(StandardCharsets.US_ASCII));
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
