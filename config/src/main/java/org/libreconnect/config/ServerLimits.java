package org.libreconnect.config;

/**
 * How much the master accepts from pages and local processes, and how far workers trade a
 * hardening for memory: the limits of the {@code <server>} section (docs/security.md explains
 * each one).
 *
 * @param maxWorkers most worker processes alive at once, pre-started ones included
 * @param workerStartIntervalMillis least time between two worker process starts
 * @param maxRestBodyBytes largest body of a {@code POST /api/<command>} request
 * @param idleTimeoutSeconds a connection (HTTP keep-alive, or a WebSocket with no command in
 *     progress and no monitoring stream) that sends nothing for this long is closed
 * @param requestTimeoutSeconds time a client has to send a whole HTTP request (head and body)
 * @param maxConnections most connections open at once on the connector's port
 * @param fixedClassDataAddress whether workers map their class data at the address recorded in
 *     the archive instead of a random one, so that its pages are shared between workers (ADR 0031);
 *     since ADR 0037 this matters to terminal-server users' workers (the JDK's archive) and to
 *     workers without {@code sharedClassData}
 * @param sharedClassData whether the connector's own workers share their class data at an
 *     address drawn for the installation (ADR 0037)
 */
public record ServerLimits(
    int maxWorkers,
    int workerStartIntervalMillis,
    int maxRestBodyBytes,
    int idleTimeoutSeconds,
    int requestTimeoutSeconds,
    int maxConnections,
    boolean fixedClassDataAddress,
    boolean sharedClassData) {

  public static final int DEFAULT_MAX_WORKERS = 8;
  public static final int DEFAULT_WORKER_START_INTERVAL_MILLIS = 250;
  public static final int DEFAULT_MAX_REST_BODY_BYTES = 4 * 1024 * 1024;
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 120;
  public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;
  public static final int DEFAULT_MAX_CONNECTIONS = 512;
  public static final boolean DEFAULT_FIXED_CLASS_DATA_ADDRESS = false;
  public static final boolean DEFAULT_SHARED_CLASS_DATA = true;

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
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_FIXED_CLASS_DATA_ADDRESS,
        DEFAULT_SHARED_CLASS_DATA);
  }
}
