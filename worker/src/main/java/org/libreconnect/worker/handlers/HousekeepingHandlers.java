package org.libreconnect.worker.handlers;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.libreconnect.protocol.command.HousekeepingCommands.CreateConnectionAnswer;
import org.libreconnect.protocol.command.HousekeepingCommands.CreateConnectionInput;
import org.libreconnect.protocol.command.NoInput;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.worker.ConnectionObject;
import org.libreconnect.worker.HandlerTable;
import org.libreconnect.worker.SessionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hl_checkUserLicenseRight}, {@code hl_createConnection} and the debug commands {@code
 * hl_crash} and {@code hl_zombie}.
 *
 * <p>LibreConnect has no licence server: every user has the rights a licensed user of the
 * commercial connector has, so {@code hl_checkUserLicenseRight} always answers a bare OK.
 */
public final class HousekeepingHandlers {
  private static final Logger log = LoggerFactory.getLogger(HousekeepingHandlers.class);
  static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;
  static final int MAX_REQUEST_TIMEOUT_SECONDS = 3600;

  private final DebugActions debug;

  public HousekeepingHandlers(DebugActions debug) {
    this.debug = debug;
  }

  /** Adds this group's commands to {@code table}. */
  public void register(HandlerTable.Builder table) {
    table
        .single("hl_checkUserLicenseRight", NoInput.class, (session, input) -> null)
        .single("hl_createConnection", CreateConnectionInput.class, this::createConnection)
        .single("hl_crash", NoInput.class, (session, input) -> {
          log.warn("debug.crash session={} action=halt status={}", session, DebugActions.CRASH_STATUS);
          debug.crash();
          return null;
        })
        .single("hl_zombie", NoInput.class, (session, input) -> {
          log.warn("debug.zombie session={} action=stop", session);
          debug.freeze();
          return null;
        });
  }

  private CreateConnectionAnswer createConnection(SessionContext session, CreateConnectionInput input) {
    URI server = server(input.server());
    int seconds = input.requestTimeout() == null ? DEFAULT_REQUEST_TIMEOUT_SECONDS : input.requestTimeout();
    if (seconds < 1 || seconds > MAX_REQUEST_TIMEOUT_SECONDS) {
      throw new InvalidParameterException(
          "i_requestTimeout", "must be between 1 and " + MAX_REQUEST_TIMEOUT_SECONDS + " seconds");
    }
    Optional<String> proxy = Optional.empty();
    String proxyHost = input.proxyIpOrUrl();
    if (proxyHost != null && !proxyHost.isBlank()) {
      Integer port = input.proxyPort();
      if (port == null || port < 1 || port > 65535) {
        throw new InvalidParameterException("i_proxyPort", "must be a port (1-65535) when s_proxyIpOrUrl is given");
      }
      proxy = Optional.of(proxyHost.strip() + ":" + port);
    }
    int handle = session.addConnection(new ConnectionObject(server, Duration.ofSeconds(seconds), proxy));
    return new CreateConnectionAnswer(handle);
  }

  /** {@code s_server}: an http(s) URL, or a host name or IP address (taken as https). */
  static URI server(String value) {
    String text = value.strip();
    if (text.isEmpty() || text.length() > 2048) {
      throw new InvalidParameterException("s_server", "must be a URL or a host name (at most 2048 characters)");
    }
    if (!text.contains("://")) {
      text = "https://" + text;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
          || uri.getUserInfo() != null) {
        throw new InvalidParameterException("s_server", "must be an http(s) URL or a host name, without user information");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidParameterException("s_server", "must be an http(s) URL or a host name");
    }
  }
}
