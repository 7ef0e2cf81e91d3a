package org.libreconnect.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code <ntp>} section: the time server used to check the clock before signing.
 *
 * @param server time server host name or address; empty means the system clock is trusted
 * @param port its UDP port
 */
public record Ntp(Optional<String> server, int port) {

  public static final int DEFAULT_PORT = 123;

  public Ntp {
    Objects.requireNonNull(server, "server");
    Require.between("port", port, 1, 65535);
  }

  public static Ntp defaults() {
    return new Ntp(Optional.empty(), DEFAULT_PORT);
  }
}
