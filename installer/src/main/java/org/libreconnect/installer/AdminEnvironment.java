package org.libreconnect.installer;

import java.nio.file.Path;
import org.libreconnect.runtime.InstallationLayout;

/** Defaults the admin commands take from the system: the connector's home and the user's home. */
public record AdminEnvironment(Path defaultHome, Path userHome) {

  /** {@code $LIBRECONNECT_HOME} (or {@code -Dlibreconnect.home}, else {@code ~/.libreconnect}) and {@code ~}. */
  public static AdminEnvironment fromSystem() {
    return new AdminEnvironment(InstallationLayout.fromSystem().home(), Path.of(System.getProperty("user.home")));
  }

  /** The home named by {@code --home}, else the default one. */
  public Path home(AdminArguments arguments) {
    return arguments.path("--home").orElse(defaultHome).toAbsolutePath().normalize();
  }
}
