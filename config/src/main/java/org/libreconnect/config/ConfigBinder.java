package org.libreconnect.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Turns the root element of a parsed file into a {@link ConnectorConfig}, applying defaults and
 * checking every value. Shared by {@link ConfigLoader} and {@link ConfigDocument} so both validate
 * alike.
 */
final class ConfigBinder {

  static final int MIN_FRAME_BYTES = 64 * 1024;
  static final int MAX_FRAME_BYTES = 512 * 1024 * 1024;
  static final int MIN_DATA_BYTES = 1024;
  static final int MAX_DATA_BYTES = 1024 * 1024 * 1024;
  static final int MAX_PRESTARTED_WORKERS = 8;
  static final int MAX_SESSION_LOG_AGE_DAYS = 3650;
  static final int MAX_SESSION_LOG_FOLDERS = 100_000;
  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  private ConfigBinder() {}

  static ConnectorConfig bind(Element root) {
    ElementReader reader = ElementReader.root(root);
    return new ConnectorConfig(
        server(reader.section("server")),
        updater(reader.section("updater")),
        proxy(reader.section("proxy")),
        ntp(reader.section("ntp")),
        dmpConnect(reader.section("dmpconnect")),
        new Pkcs11(reader.section("pkcs11").value("library", ConfigBinder::path)),
        new Simulation(reader.section("simulation").bool("enabled", false)),
        new Debug(reader.section("debug").bool("crash_commands", false)));
  }

  private static Server server(ElementReader server) {
    return new Server(
        server.value("ip", ConfigBinder::hostOrAddress).orElse(Server.DEFAULT_IP),
        server.port("port", Server.DEFAULT_PORT),
        server.value("host_name", ConfigBinder::dnsName).orElse(Server.DEFAULT_HOST_NAME),
        server.integer("log_level", Server.DEFAULT_LOG_LEVEL, 1, 7),
        server.bool("clean_zombies", Server.DEFAULT_CLEAN_ZOMBIES),
        server.integer("max_sessions", Server.DEFAULT_MAX_SESSIONS, 1, Integer.MAX_VALUE),
        server.integer(
            "prestarted_workers", Server.DEFAULT_PRESTARTED_WORKERS, 0, MAX_PRESTARTED_WORKERS),
        server.integer(
            "max_frame_bytes", Server.DEFAULT_MAX_FRAME_BYTES, MIN_FRAME_BYTES, MAX_FRAME_BYTES),
        server.integer(
            "max_session_data_bytes",
            Server.DEFAULT_MAX_SESSION_DATA_BYTES,
            MIN_DATA_BYTES,
            MAX_DATA_BYTES),
        server.integer(
            "max_persistent_data_bytes",
            Server.DEFAULT_MAX_PERSISTENT_DATA_BYTES,
            MIN_DATA_BYTES,
            MAX_DATA_BYTES),
        server.integer(
            "max_session_log_age_days",
            Server.DEFAULT_MAX_SESSION_LOG_AGE_DAYS,
            1,
            MAX_SESSION_LOG_AGE_DAYS),
        server.integer(
            "max_session_log_folders",
            Server.DEFAULT_MAX_SESSION_LOG_FOLDERS,
            1,
            MAX_SESSION_LOG_FOLDERS),
        allowedOrigins(server.section("allowed_origins")),
        allowedOrigins(server.section("log_origins")),
        new ServerLimits(
            server.integer("max_workers", ServerLimits.DEFAULT_MAX_WORKERS, 1, 1000),
            server.integer(
                "worker_start_interval_ms",
                ServerLimits.DEFAULT_WORKER_START_INTERVAL_MILLIS,
                0,
                60_000),
            server.integer(
                "max_rest_body_bytes",
                ServerLimits.DEFAULT_MAX_REST_BODY_BYTES,
                1024,
                MAX_FRAME_BYTES),
            server.integer("idle_timeout_seconds", ServerLimits.DEFAULT_IDLE_TIMEOUT_SECONDS, 5, 86_400),
            server.integer(
                "request_timeout_seconds", ServerLimits.DEFAULT_REQUEST_TIMEOUT_SECONDS, 1, 3600),
            server.integer("max_connections", ServerLimits.DEFAULT_MAX_CONNECTIONS, 16, 100_000),
            server.bool(
                "fixed_class_data_address", ServerLimits.DEFAULT_FIXED_CLASS_DATA_ADDRESS),
            server.bool("shared_class_data", ServerLimits.DEFAULT_SHARED_CLASS_DATA)));
  }

  private static List<AllowedOrigin> allowedOrigins(ElementReader origins) {
    String path = origins.pathOf("origin");
    return origins.all(
        "origin",
        text -> {
          try {
            return AllowedOrigin.parse(text);
          } catch (IllegalArgumentException e) {
            // The message already quotes the pattern.
            throw new ConfigException(path + ": " + e.getMessage(), e);
          }
        });
  }

  private static Updater updater(ElementReader updater) {
    return new Updater(
        updater.bool("enabled", false),
        updater.value("channel", ConfigBinder::channel).orElse(Updater.DEFAULT_CHANNEL),
        updater.value("url", ConfigBinder::updateUrl));
  }

  private static Proxy proxy(ElementReader proxy) {
    Optional<String> server = proxy.value("server", ConfigBinder::proxyHost);
    OptionalInt port = proxy.optionalPort("port");
    if (server.isPresent() && port.isEmpty()) {
      throw ConfigException.badValue(
          proxy.pathOf("port"), "", "is required when proxy/server is set");
    }
    return new Proxy(server, port, proxy.text("login"), proxy.text("password"));
  }

  private static Ntp ntp(ElementReader ntp) {
    return new Ntp(
        ntp.value("server", ConfigBinder::hostOrAddress), ntp.port("port", Ntp.DEFAULT_PORT));
  }

  private static DmpConnect dmpConnect(ElementReader dmp) {
    return new DmpConnect(
        dmp.value("transactionDumpDirectory", ConfigBinder::path),
        dmp.integer("log_level", DmpConnect.DEFAULT_LOG_LEVEL, 1, 5),
        dmp.value("homologation_number", ConfigBinder::homologationNumber)
            .orElse(DmpConnect.DEFAULT_HOMOLOGATION_NUMBER));
  }

  private static String homologationNumber(String text) {
    if (!text.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("is not a homologation number (1-64 letters, digits,"
          + " '.', '_' or '-')");
    }
    return text;
  }

  private static String hostOrAddress(String text) {
    if (!HostSyntax.isHostOrAddress(text)) {
      throw new IllegalArgumentException("is not a host name or an IP address");
    }
    return text;
  }

  private static String proxyHost(String text) {
    if (!HostSyntax.isHostOrAddress(text)) {
      throw new IllegalArgumentException(
          "is not a host name or an IP address (no scheme; the port goes in proxy/port)");
    }
    return text;
  }

  private static String dnsName(String text) {
    if (!HostSyntax.isDnsName(text)) {
      throw new IllegalArgumentException("is not a host name");
    }
    return text.toLowerCase(Locale.ROOT);
  }

  private static String channel(String text) {
    String channel = text.toLowerCase(Locale.ROOT);
    if (!Updater.CHANNELS.contains(channel)) {
      throw new IllegalArgumentException("must be one of " + String.join(", ", Updater.CHANNELS));
    }
    return channel;
  }

  /** An https URL, or an http URL to this computer. */
  private static String updateUrl(String text) {
    String problem = "is not an https URL (http is accepted for localhost only)";
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      boolean https = scheme.equals("https") && !host.isEmpty();
      boolean localHttp = scheme.equals("http") && LOOPBACK_HOSTS.contains(host);
      if (!https && !localHttp) {
        throw new IllegalArgumentException(problem);
      }
      return text;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(problem, e);
    }
  }

  private static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("is not a valid path (" + e.getReason() + ")", e);
    }
  }
}
