package org.libreconnect.worker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The worker's command line, as the master builds it: {@code --link-port <port> --log-dir <dir>
 * --worker-id <id> [--config-stdin]}. With {@code --config-stdin} (a terminal-server user's
 * worker, which cannot read the service's home) the configuration follows the token on standard
 * input.
 */
public record WorkerArguments(int linkPort, Path logDir, String workerId, boolean configOnStdin) {

  public static final String USAGE =
      "usage: WorkerMain --link-port <port> --log-dir <directory> --worker-id <id> [--config-stdin]";

  public WorkerArguments(int linkPort, Path logDir, String workerId) {
    this(linkPort, logDir, workerId, false);
  }

  public WorkerArguments {
    Objects.requireNonNull(logDir, "logDir");
    Objects.requireNonNull(workerId, "workerId");
  }

  /**
   * Reads the command line.
   *
   * @throws IllegalArgumentException naming the argument that is unknown, missing or invalid
   */
  public static WorkerArguments parse(String... args) {
    Integer port = null;
    Path logDir = null;
    String workerId = null;
    boolean configOnStdin = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--config-stdin")) {
        configOnStdin = true;
        continue;
      }
      if (!option.equals("--link-port")
          && !option.equals("--log-dir")
          && !option.equals("--worker-id")) {
        throw new IllegalArgumentException("unknown argument \"" + option + "\"");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--link-port" -> port = port(value);
        case "--log-dir" -> logDir = Path.of(value);
        default -> workerId = value;
      }
    }
    if (port == null) {
      throw new IllegalArgumentException("--link-port is missing");
    }
    if (logDir == null) {
      throw new IllegalArgumentException("--log-dir is missing");
    }
    if (workerId == null || workerId.isBlank()) {
      throw new IllegalArgumentException("--worker-id is missing");
    }
    return new WorkerArguments(port, logDir, workerId, configOnStdin);
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--link-port: \"" + value + "\" is not a port (1-65535)");
  }
}
