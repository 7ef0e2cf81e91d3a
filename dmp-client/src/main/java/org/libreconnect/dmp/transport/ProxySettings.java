package org.libreconnect.dmp.transport;

import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP proxy reached with CONNECT, with optional basic authentication. {@link #toString()}
 * hides the password.
 */
public record ProxySettings(String host, int port, Optional<String> login, Optional<String> password) {
  public ProxySettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "ProxySettings[" + host + ":" + port + ", login=" + login.orElse("(none)")
        + ", password=" + (password.isPresent() ? "(hidden)" : "(none)") + "]";
  }
}
