package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.libreconnect.protocol.Required;

/**
 * Inputs and answers of the licence, connection, session-existence and debug commands (protocol
 * spec 2.1 and 2.7), and their catalogue entries.
 */
public final class HousekeepingCommands {
  private HousekeepingCommands() {}

  /** The debug commands: served only when the configuration allows them. */
  public static final java.util.Set<String> DEBUG_COMMANDS = java.util.Set.of("hl_crash", "hl_zombie");

  /** Adds this group's commands to {@code catalogue}. */
  static void addTo(CommandCatalogue.Builder catalogue) {
    catalogue.master("hl_sessionExists", NoInput.class, false);
    catalogue.worker("hl_checkUserLicenseRight", NoInput.class);
    catalogue.worker("hl_createConnection", CreateConnectionInput.class);
    // Debug commands: refused unless the configuration's <debug> section allows them.
    catalogue.worker("hl_crash", NoInput.class);
    catalogue.worker("hl_zombie", NoInput.class);
  }

  /**
   * Answer of {@code hl_sessionExists}: 1 when {@code s_sessionId} names a session open for the
   * caller's origin, else 0 (also when absent).
   */
  public record SessionExistsAnswer(@JsonProperty("i_sessionExists") int sessionExists) {}

  /** {@code hl_createConnection}: a connection object towards a server. */
  public record CreateConnectionInput(
      @Required @JsonProperty("s_server") String server,
      @JsonProperty("i_requestTimeout") Integer requestTimeout,
      @JsonProperty("s_proxyIpOrUrl") String proxyIpOrUrl,
      @JsonProperty("i_proxyPort") Integer proxyPort,
      @JsonProperty("s_proxyLogin") String proxyLogin,
      @JsonProperty("s_proxyPassword") String proxyPassword,
      @JsonProperty("s_caCertName") String caCertName,
      @JsonProperty("i_usePkcs11") Integer usePkcs11) {

    @Override
    public String toString() {
      return "CreateConnectionInput[server="
          + server
          + ", timeout="
          + requestTimeout
          + ", proxy="
          + proxyIpOrUrl
          + ":"
          + proxyPort
          + ", proxyPassword="
          + (proxyPassword == null ? "none" : "***")
          + "]";
    }
  }

  /** Answer of {@code hl_createConnection}. */
  public record CreateConnectionAnswer(@JsonProperty("i_connectionHandle") int connectionHandle) {}
}
