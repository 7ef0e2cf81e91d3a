package org.libreconnect.config;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code <proxy>} section: the HTTP proxy for the DMP web services, if any. {@link
 * #toString()} never shows the password.
 *
 * @param server proxy host name or address
 * @param port proxy port, always present when {@code server} is read from a file
 * @param login user name for proxy authentication
 * @param password password for proxy authentication
 */
public record Proxy(
    Optional<String> server, OptionalInt port, Optional<String> login, Optional<String> password) {

  public Proxy {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(password, "password");
  }

  /** No proxy: direct connections. */
  public static Proxy none() {
    return new Proxy(Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty());
  }

  /** Whether connections go through a proxy: a server and a port are both set. */
  public boolean configured() {
    return server.isPresent() && port.isPresent();
  }

  @Override
  public String toString() {
    return "Proxy[server=" + server.orElse("(none)")
        + ", port=" + (port.isPresent() ? String.valueOf(port.getAsInt()) : "(none)")
        + ", login=" + login.orElse("(none)")
        + ", password=" + (password.isPresent() ? "(hidden)" : "(none)") + "]";
  }
}
