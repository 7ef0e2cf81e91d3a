package org.libreconnect.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The Logback configuration of one process: a service log and a connector log with their JS2
 * levels, and an optional copy of both on standard error.
 *
 * <p>A logger writes to {@code connector.log} when its name starts with one of {@link
 * #CONNECTOR_LOGGERS}, and to {@code service.log} otherwise; an event goes to one file only. Both
 * files roll over at 10 MB and five rolled files are kept ({@code service.log.1} is the newest).
 * Levels are applied before an event is built, so {@code isDebugEnabled()} follows them and a
 * change applies to the very next call.
 *
 * <p>Lines are written on a thread of their own ({@link BackgroundLogWriter}): a thread that
 * logs never waits for a file unless the queue is full; {@link #flush} waits for what was logged
 * before it, and from a JVM's stop on lines are written directly.
 *
 * <p>Logback has one configuration per JVM: {@link #configure} replaces whatever was there
 * (including an earlier {@code LogSetup}, whose setters then throw {@link IllegalStateException}).
 */
public final class LogSetup {
  private static final Duration FLUSH_WAIT = Duration.ofSeconds(2);

  /** The writer of the configuration in force, which the shutdown hook switches to direct writes. */
  private static final AtomicReference<BackgroundLogWriter> CURRENT_WRITER = new AtomicReference<>();

  static {
    // One hook per JVM: from the stop on, what is queued is written and later lines (those of
    // the other shutdown hooks) are written by the thread that logs them.
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("log-writer-stop").unstarted(() -> {
      BackgroundLogWriter current = CURRENT_WRITER.get();
      if (current != null) {
        current.writeDirectly(BackgroundLogWriter.STOP_WAIT);
      }
    }));
  }

  /**
   * The prefix of the connector's own loggers: below {@code server/log_level} 6 the others
   * (libraries) log no debug lines ({@link LogLevels#librariesLevel}).
   */
  public static final String OWN_LOGGERS = "org.libreconnect.";

  /** Prefixes of the logger names that write to the connector log. */
  public static final List<String> CONNECTOR_LOGGERS =
      List.of(
          "org.libreconnect.pkcs11",
          "org.libreconnect.worker.card",
          "org.libreconnect.worker.dmp",
          "org.libreconnect.dmp",
          "org.libreconnect.simulator");

  private final LoggerContext context;
  private final Path serviceLog;
  private final Path connectorLog;
  private final LogChannelGate gate;
  private final Appender<ILoggingEvent> console;
  private final BackgroundLogWriter writer = new BackgroundLogWriter();
  private volatile int serviceLevel = LogLevels.DEFAULT_SERVICE_LEVEL;
  private volatile int connectorLevel = LogLevels.DEFAULT_CONNECTOR_VERBOSITY;
  private volatile boolean consoleOutput;

  private LogSetup(LoggerContext context, Path logDirectory, String processLabel, boolean console) {
    this.context = context;
    this.serviceLog = logDirectory.resolve(LogChannel.SERVICE.fileName());
    this.connectorLog = logDirectory.resolve(LogChannel.CONNECTOR.fileName());
    this.gate =
        new LogChannelGate(
            LogLevels.serviceLevel(serviceLevel), LogLevels.librariesLevel(serviceLevel),
            LogLevels.connectorLevel(connectorLevel));

    LogAppenders appenders = new LogAppenders(context, processLabel);
    context.reset();
    context.getStatusManager().add(new StatusErrorPrinter());

    gate.setContext(context);
    gate.setName("libreconnect-channels");
    gate.start();
    context.addTurboFilter(gate);

    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.TRACE); // the gate decides; logger levels stay open
    writer.setContext(context);
    writer.setName("background-writer");
    writer.addTarget(appenders.file(LogChannel.SERVICE, serviceLog));
    writer.addTarget(appenders.file(LogChannel.CONNECTOR, connectorLog));
    writer.start();
    root.addAppender(writer);
    CURRENT_WRITER.set(writer);
    this.console = appenders.console();
    setConsoleOutput(console);
  }

  /**
   * Waits (at most two seconds) until every line logged before this call is in the files: for a
   * reader in this process, such as a log tail command.
   */
  public void flush() {
    writer.flush(FLUSH_WAIT);
  }

  /** {@link #flush} of the configuration in force, if any: before a deliberate {@link Runtime#halt}. */
  public static void flushCurrent() {
    BackgroundLogWriter current = CURRENT_WRITER.get();
    if (current != null) {
      current.flush(FLUSH_WAIT);
    }
  }

  /**
   * Configures Logback for this process, replacing any earlier configuration; no {@code
   * logback.xml} is read.
   *
   * @param logDirectory the process's own log directory, created owner-only if missing; the log
   *     files are owner-only too
   * @param processLabel written on every line, such as {@code master} or {@code worker-1234}:
   *     letters, digits, '.', '_' or '-'
   * @param console whether every event is also written to standard error
   * @throws UncheckedIOException when the log directory cannot be created
   * @throws IllegalStateException when Logback is not the SLF4J provider, or a file cannot be
   *     opened
   */
  public static LogSetup configure(Path logDirectory, String processLabel, boolean console) {
    Path directory = logDirectory.toAbsolutePath().normalize();
    try {
      AtomicFiles.createDirectories(directory, AtomicFiles.Access.OWNER_ONLY);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create log directory " + directory, e);
    }
    return new LogSetup(loggerContext(), directory, processLabel, console);
  }

  private static LoggerContext loggerContext() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      return context;
    }
    throw new IllegalStateException(
        "SLF4J is bound to " + factory.getClass().getName() + ", not to Logback");
  }

  public Path serviceLog() {
    return serviceLog;
  }

  public Path connectorLog() {
    return connectorLog;
  }

  /**
   * Creates an empty log file readable by its owner only, or removes group and world access from
   * an existing one, so that a child process whose output is redirected to it (a worker's {@code
   * console.log}) does not create it with the umask's permissions.
   *
   * @return {@code file}
   */
  public static Path createOwnerOnlyLogFile(Path file) throws IOException {
    OwnerOnlyFileAppender.createOwnerOnly(file);
    return file;
  }

  /** The JS2 server log level in force, 1 to 7. */
  public int serviceLevel() {
    return serviceLevel;
  }

  /** The JS2 connector {@code LogVerbosity} in force, 0 to 5. */
  public int connectorLevel() {
    return connectorLevel;
  }

  /**
   * Sets the service log level; see {@link LogLevels} for the mapping.
   *
   * @throws IllegalArgumentException when the level is not between 1 and 7 (strip console flags
   *     first with {@link LogLevels#stripConsoleFlags(int)})
   */
  public synchronized void setServiceLevel(int js2ServerLevel) {
    Level level = LogLevels.serviceLevel(js2ServerLevel);
    Level libraries = LogLevels.librariesLevel(js2ServerLevel);
    requireCurrent();
    gate.setServiceLevel(level, libraries);
    serviceLevel = js2ServerLevel;
  }

  /**
   * Sets the connector log verbosity; see {@link LogLevels} for the mapping.
   *
   * @throws IllegalArgumentException when the verbosity is not between 0 and 5
   */
  public synchronized void setConnectorLevel(int verbosity) {
    Level level = LogLevels.connectorLevel(verbosity);
    requireCurrent();
    gate.setConnectorLevel(level);
    connectorLevel = verbosity;
  }

  /** Whether every event is also written to standard error. */
  public boolean consoleOutput() {
    return consoleOutput;
  }

  /** Starts or stops copying every event to standard error (JS2's console output flags). */
  public synchronized void setConsoleOutput(boolean enabled) {
    requireCurrent();
    writer.flush(FLUSH_WAIT); // the change applies to the lines logged after it
    if (enabled && !writer.hasTarget(console)) {
      writer.addTarget(console);
    } else if (!enabled) {
      writer.removeTarget(console);
    }
    consoleOutput = enabled;
  }

  private void requireCurrent() {
    if (!context.getTurboFilterList().contains(gate)) {
      throw new IllegalStateException("this log set-up was replaced by a later LogSetup.configure");
    }
  }
}
