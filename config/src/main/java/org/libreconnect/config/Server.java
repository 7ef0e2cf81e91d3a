package org.libreconnect.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <server>} section: where the master listens and how much it accepts.
 *
 * @param ip address the master binds to
 * @param port TLS port of the WebSocket service; 0 (never read from the file) asks the system for
 *     a free port, for tests
 * @param hostName name in the TLS certificate, which resolves to the loopback address
 * @param logLevel service log level, 1 (least) to 7 (most)
 * @param cleanZombies whether worker processes left over by a previous master are ended at start
 * @param maxSessions most sessions open at once
 * @param prestartedWorkers idle worker JVMs kept ready
 * @param maxFrameBytes largest WebSocket or HTTP message accepted
 * @param maxSessionDataBytes total temporary data one session may hold
 * @param maxPersistentDataBytes persistent data one application may store
 * @param maxSessionLogAgeDays worker session log folders older than this many days are deleted
 *     when the master starts
 * @param maxSessionLogFolders most worker session log folders kept when the master starts, newest
 *     first
 * @param allowedOrigins browser origins allowed to open a WebSocket; empty allows none
 * @param logOrigins allowed origins that may also read the master's log and change log levels
 *     (the connector's own pages always may)
 * @param limits the hardening limits
 */
public record Server(
    String ip,
    int port,
    String hostName,
    int logLevel,
    boolean cleanZombies,
    int maxSessions,
    int prestartedWorkers,
    int maxFrameBytes,
    int maxSessionDataBytes,
    int maxPersistentDataBytes,
    int maxSessionLogAgeDays,
    int maxSessionLogFolders,
    List<AllowedOrigin> allowedOrigins,
    List<AllowedOrigin> logOrigins,
    ServerLimits limits) {

  public static final String DEFAULT_IP = "127.0.0.1";
  public static final int DEFAULT_PORT = 9982;
  public static final String DEFAULT_HOST_NAME = "localhost.icanopee.net";
  /** 5 in the dev build, 3 in the production build ({@link BuildFlavour}). */
  public static final int DEFAULT_LOG_LEVEL = BuildFlavour.current().defaultServerLogLevel();
  public static final boolean DEFAULT_CLEAN_ZOMBIES = true;
  public static final int DEFAULT_MAX_SESSIONS = 100;
  public static final int DEFAULT_PRESTARTED_WORKERS = 1;
  public static final int DEFAULT_MAX_FRAME_BYTES = 32 * 1024 * 1024;
  public static final int DEFAULT_MAX_SESSION_DATA_BYTES = 8 * 1024 * 1024;
  public static final int DEFAULT_MAX_PERSISTENT_DATA_BYTES = 1024 * 1024;
  public static final int DEFAULT_MAX_SESSION_LOG_AGE_DAYS = 14;
  public static final int DEFAULT_MAX_SESSION_LOG_FOLDERS = 50;

  public Server {
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(hostName, "hostName");
    allowedOrigins = List.copyOf(allowedOrigins);
    logOrigins = List.copyOf(logOrigins);
    Objects.requireNonNull(limits, "limits");
    Require.between("port", port, 0, 65535);
    Require.between("logLevel", logLevel, 1, 7);
    Require.between("maxSessions", maxSessions, 1, Integer.MAX_VALUE);
    Require.between("prestartedWorkers", prestartedWorkers, 0, Integer.MAX_VALUE);
    Require.between("maxFrameBytes", maxFrameBytes, 1, Integer.MAX_VALUE);
    Require.between("maxSessionDataBytes", maxSessionDataBytes, 0, Integer.MAX_VALUE);
    Require.between("maxPersistentDataBytes", maxPersistentDataBytes, 0, Integer.MAX_VALUE);
    Require.between("maxSessionLogAgeDays", maxSessionLogAgeDays, 1, Integer.MAX_VALUE);
    Require.between("maxSessionLogFolders", maxSessionLogFolders, 1, Integer.MAX_VALUE);
  }

  /** The values used when the file says nothing; no origin is allowed. */
  public static Server defaults() {
    return new Server(
        DEFAULT_IP,
        DEFAULT_PORT,
        DEFAULT_HOST_NAME,
        DEFAULT_LOG_LEVEL,
        DEFAULT_CLEAN_ZOMBIES,
        DEFAULT_MAX_SESSIONS,
        DEFAULT_PRESTARTED_WORKERS,
        DEFAULT_MAX_FRAME_BYTES,
        DEFAULT_MAX_SESSION_DATA_BYTES,
        DEFAULT_MAX_PERSISTENT_DATA_BYTES,
        DEFAULT_MAX_SESSION_LOG_AGE_DAYS,
        DEFAULT_MAX_SESSION_LOG_FOLDERS,
        List.of(),
        List.of(),
        ServerLimits.defaults());
  }

  /** Whether any pattern of {@link #allowedOrigins()} matches the {@code Origin} header value. */
  public boolean allowsOrigin(String originHeader) {
    return allowedOrigins.stream().anyMatch(origin -> origin.matches(originHeader));
  }

  public Server withPort(int newPort) {
    return new Server(ip, newPort, hostName, logLevel, cleanZombies, maxSessions,
        prestartedWorkers, maxFrameBytes, maxSessionDataBytes, maxPersistentDataBytes,
        maxSessionLogAgeDays, maxSessionLogFolders, allowedOrigins, logOrigins, limits);
  }

  public Server withLimits(ServerLimits newLimits) {
    return new Server(ip, port, hostName, logLevel, cleanZombies, maxSessions,
        prestartedWorkers, maxFrameBytes, maxSessionDataBytes, maxPersistentDataBytes,
        maxSessionLogAgeDays, maxSessionLogFolders, allowedOrigins, logOrigins, newLimits);
  }

  public Server withLogOrigins(List<AllowedOrigin> newLogOrigins) {
    return new Server(ip, port, hostName, logLevel, cleanZombies, maxSessions,
        prestartedWorkers, maxFrameBytes, maxSessionDataBytes, maxPersistentDataBytes,
        maxSessionLogAgeDays, maxSessionLogFolders, allowedOrigins, newLogOrigins, limits);
  }

  public Server withAllowedOrigins(List<AllowedOrigin> newAllowedOrigins) {
    return new Server(ip, port, hostName, logLevel, cleanZombies, maxSessions,
        prestartedWorkers, maxFrameBytes, maxSessionDataBytes, maxPersistentDataBytes,
        maxSessionLogAgeDays, maxSessionLogFolders, newAllowedOrigins, logOrigins, limits);
  }
}
