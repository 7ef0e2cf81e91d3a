package org.libreconnect.config;

/**
 * How much the master accepts from pages and local processes: the hardening limits of the
 * {@code <server>} section (docs/security.md explains each one).
 *
 * @param maxWorkers most worker processes alive at once, pre-started ones included
 * @param workerStartIntervalMillis least time between two worker process starts
 * @param maxRestBodyBytes largest body of a {@code POST /api/<command>} request
 * @param idleTimeoutSeconds a connection (HTTP keep-alive, or a WebSocket with no command in
 *     progress and no monitoring stream) that sends nothing for this long is closed
 * @param requestTimeoutSeconds time a client has to send a whole HTTP request (head and body)
 * @param maxConnections most connections open at once on the connector's port
 */
public record ServerLimits(
    int maxWorkers,
    int workerStartIntervalMillis,
    int maxRestBodyBytes,
    int idleTimeoutSeconds,
    int requestTimeoutSeconds,
    int maxConnections) {

  public static final int DEFAULT_MAX_WORKERS = 8;
  public static final int DEFAULT_WORKER_START_INTERVAL_MILLIS = 250;
  public static final int DEFAULT_MAX_REST_BODY_BYTES = 4 * 1024 * 1024;
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 120;
  public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;
  public static final int DEFAULT_MAX_CONNECTIONS = 512;

  public ServerLimits {
    Require.between("maxWorkers", maxWorkers, 1, 1000);
    Require.between("workerStartIntervalMillis", workerStartIntervalMillis, 0, 60_000);
    Require.between("maxRestBodyBytes", maxRestBodyBytes, 1024, Integer.MAX_VALUE);
    Require.between("idleTimeoutSeconds", idleTimeoutSeconds, 5, 86_400);
    Require.between("requestTimeoutSeconds", requestTimeoutSeconds, 1, 3600);
    Require.between("maxConnections", maxConnections, 16, 100_000);
  }

  public static ServerLimits defaults() {
    return new ServerLimits(
        DEFAULT_MAX_WORKERS,
        DEFAULT_WORKER_START_INTERVAL_MILLIS,
        DEFAULT_MAX_REST_BODY_BYTES,
        DEFAULT_IDLE_TIMEOUT_SECONDS,
        DEFAULT_REQUEST_TIMEOUT_SECONDS,
        DEFAULT_MAX_CONNECTIONS);
  }
}
