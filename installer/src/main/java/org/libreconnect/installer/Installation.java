package org.libreconnect.installer;

import java.nio.file.Path;
import java.util.List;
import org.libreconnect.config.AllowedOrigin;
import org.libreconnect.config.ConfigException;
import org.libreconnect.config.ConfigLoader;
import org.libreconnect.config.ConnectorConfig;
import org.libreconnect.runtime.InstallationLayout;

/** The installation an admin command works on: its home, configuration and CA file. */
public record Installation(InstallationLayout layout, ConnectorConfig config) {

  /**
   * Reads the home's {@code libreconnect.xml} (the defaults when there is none).
   *
   * @throws InstallerException when the configuration is invalid
   */
  public static Installation at(Path home) {
    InstallationLayout layout = new InstallationLayout(home);
    try {
      return new Installation(layout, ConfigLoader.loadOrDefaults(layout.configFile()));
    } catch (ConfigException e) {
      throw new InstallerException(e.getMessage(), e);
    }
  }

  public String hostName() {
    return config.server().hostName();
  }

  public Path caCertificateFile() {
    return layout.tlsDir().resolve("ca.crt");
  }

  public List<String> allowedOrigins() {
    return config.server().allowedOrigins().stream().map(AllowedOrigin::pattern).toList();
  }
}
