package org.libreconnect.runtime;

import ch.qos.logback.classic.Level;
import java.util.Optional;

/**
 * The JS2 log levels and their Logback equivalents.
 *
 * <p>The service log (JS2's "server log") takes a level from 1 to 7:
 *
 * <table>
 *   <caption>Service levels</caption>
 *   <tr><th>JS2 level</th><th>meaning</th><th>Logback level</th></tr>
 *   <tr><td>1</td><td>fatal</td><td>ERROR</td></tr>
 *   <tr><td>2</td><td>error</td><td>ERROR</td></tr>
 *   <tr><td>3</td><td>warning</td><td>WARN</td></tr>
 *   <tr><td>4</td><td>information</td><td>INFO</td></tr>
 *   <tr><td>5</td><td>debug</td><td>DEBUG; libraries INFO</td></tr>
 *   <tr><td>6</td><td>verbose debug</td><td>DEBUG, libraries too</td></tr>
 *   <tr><td>7</td><td>trace</td><td>TRACE</td></tr>
 * </table>
 *
 * <p>"Libraries" are the loggers outside {@code org.libreconnect} (Netty, Apache CXF, ...): at
 * level 5 their debug lines (several for each connection and each SOAP call) stay out, and each
 * of them would cost the thread that logs it; level 6 lets them in ({@link #librariesLevel}).
 *
 * <p>The connector log (JS2's "DmpConnect log") takes a {@code LogVerbosity} from 0 to 5:
 *
 * <table>
 *   <caption>Connector verbosities</caption>
 *   <tr><th>JS2 verbosity</th><th>name</th><th>Logback level</th></tr>
 *   <tr><td>0</td><td>Disabled</td><td>OFF</td></tr>
 *   <tr><td>1</td><td>Fatal</td><td>ERROR</td></tr>
 *   <tr><td>2</td><td>Errors</td><td>ERROR</td></tr>
 *   <tr><td>3</td><td>Warnings</td><td>WARN</td></tr>
 *   <tr><td>4</td><td>Infos</td><td>INFO</td></tr>
 *   <tr><td>5</td><td>Dev</td><td>DEBUG</td></tr>
 * </table>
 *
 * <p>A value sent by {@code setLogLevels} may carry a console flag OR'ed into it: {@code 0x10000}
 * ({@code ConsoleOutputEnabled}) or {@code 0x20000} ({@code ConsoleOutputDisabled}). Strip it with {@link #stripConsoleFlags(int)} before mapping,
 * and read it with {@link #consoleFlag(int)}.
 */
public final class LogLevels {

  /** Lowest service level (fatal errors only). */
  public static final int MIN_SERVICE_LEVEL = 1;

  /** Highest service level (trace). */
  public static final int MAX_SERVICE_LEVEL = 7;

  /** Service level a process starts with: information. */
  public static final int DEFAULT_SERVICE_LEVEL = 4;

  /** Lowest connector verbosity (disabled). */
  public static final int MIN_CONNECTOR_VERBOSITY = 0;

  /** Highest connector verbosity (dev). */
  public static final int MAX_CONNECTOR_VERBOSITY = 5;

  /** Connector verbosity a process starts with: infos. */
  public static final int DEFAULT_CONNECTOR_VERBOSITY = 4;

  /** JS2 flag asking for console output, OR'ed into a level. */
  public static final int CONSOLE_OUTPUT_ENABLED = 0x10000;

  /** JS2 flag asking for no console output, OR'ed into a level. */
  public static final int CONSOLE_OUTPUT_DISABLED = 0x20000;

  private static final int CONSOLE_FLAGS = CONSOLE_OUTPUT_ENABLED | CONSOLE_OUTPUT_DISABLED;

  private static final Level[] SERVICE = {
    null, Level.ERROR, Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.DEBUG, Level.TRACE
  };

  private static final Level[] LIBRARIES = {
    null, Level.ERROR, Level.ERROR, Level.WARN, Level.INFO, Level.INFO, Level.DEBUG, Level.TRACE
  };

  private static final Level[] CONNECTOR = {
    Level.OFF, Level.ERROR, Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG
  };

  private LogLevels() {}

  /**
   * The Logback level for a JS2 server log level.
   *
   * @throws IllegalArgumentException when {@code js2ServerLevel} is not between 1 and 7
   */
  public static Level serviceLevel(int js2ServerLevel) {
    requireInRange("service log level", js2ServerLevel, MIN_SERVICE_LEVEL, MAX_SERVICE_LEVEL);
    return SERVICE[js2ServerLevel];
  }

  /**
   * The Logback level of the libraries' loggers (outside {@code org.libreconnect}) at a JS2 server
   * log level: that of {@link #serviceLevel}, except at 5 (debug), where they stay at INFO.
   *
   * @throws IllegalArgumentException when {@code js2ServerLevel} is not between 1 and 7
   */
  public static Level librariesLevel(int js2ServerLevel) {
    requireInRange("service log level", js2ServerLevel, MIN_SERVICE_LEVEL, MAX_SERVICE_LEVEL);
    return LIBRARIES[js2ServerLevel];
  }

  /**
   * The Logback level for a JS2 connector {@code LogVerbosity}.
   *
   * @throws IllegalArgumentException when {@code verbosity} is not between 0 and 5
   */
  public static Level connectorLevel(int verbosity) {
    requireInRange(
        "connector log verbosity", verbosity, MIN_CONNECTOR_VERBOSITY, MAX_CONNECTOR_VERBOSITY);
    return CONNECTOR[verbosity];
  }

  /** The value without the console flags {@code 0x10000} and {@code 0x20000}. */
  public static int stripConsoleFlags(int value) {
    return value & ~CONSOLE_FLAGS;
  }

  /**
   * What the console flags in {@code value} ask for: {@code true} for {@code ConsoleOutputEnabled},
   * {@code false} for {@code ConsoleOutputDisabled}, empty when neither or both are set.
   */
  public static Optional<Boolean> consoleFlag(int value) {
    return switch (value & CONSOLE_FLAGS) {
      case CONSOLE_OUTPUT_ENABLED -> Optional.of(Boolean.TRUE);
      case CONSOLE_OUTPUT_DISABLED -> Optional.of(Boolean.FALSE);
      default -> Optional.empty();
    };
  }

  static void requireInRange(String what, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          what + ": " + value + " is not between " + min + " and " + max);
    }
  }
}
