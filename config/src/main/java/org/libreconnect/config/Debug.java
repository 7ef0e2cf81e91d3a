package org.libreconnect.config;

/**
 * The {@code <debug>} section: settings for developing and testing the connector, all off by
 * default.
 *
 * @param crashCommands whether {@code hl_crash} and {@code hl_zombie} are served: they end or
 *     freeze the worker process of the calling session (never the master), to exercise crash
 *     isolation; refused otherwise
 */
public record Debug(boolean crashCommands) {

  public static Debug defaults() {
    return new Debug(false);
  }
}
