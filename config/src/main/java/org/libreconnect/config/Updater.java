package org.libreconnect.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code <updater>} section.
 *
 * @param enabled whether the connector looks for updates
 * @param channel one of {@link #CHANNELS}
 * @param url where to look; empty means the channel's built-in address
 */
public record Updater(boolean enabled, String channel, Optional<String> url) {

  public static final List<String> CHANNELS = List.of("prod", "dev", "beta");
  public static final String DEFAULT_CHANNEL = "prod";

  public Updater {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(url, "url");
    if (!CHANNELS.contains(channel)) {
      throw new IllegalArgumentException("channel must be one of " + CHANNELS + ", not " + channel);
    }
  }

  public static Updater defaults() {
    return new Updater(false, DEFAULT_CHANNEL, Optional.empty());
  }
}
