package org.libreconnect.supervisor;

import java.nio.file.Path;
import org.libreconnect.config.ConfigDocument;
import org.libreconnect.config.ConfigException;
import org.libreconnect.config.FileReplacer;
import org.libreconnect.runtime.AtomicFiles;
import org.libreconnect.supervisor.service.ServiceException;
import org.libreconnect.supervisor.service.ServiceManager;

/**
 * Reads and writes the Settings tab's presets in the XML configuration through the config
 * module's {@link ConfigDocument}: other elements, known or not, are kept; the new file is
 * validated as the connector would, then replaced atomically (owner-only: it may hold the proxy
 * password); the service is restarted to apply it.
 */
public final class SettingsController {
  private final Path configFile;
  private final ServiceManager service;
  private final FileReplacer replacer;

  public SettingsController(Path configFile, ServiceManager service) {
    this(configFile, service, AtomicFiles::write);
  }

  SettingsController(Path configFile, ServiceManager service, FileReplacer replacer) {
    this.configFile = configFile;
    this.service = service;
    this.replacer = replacer;
  }

  /** The outcome of Apply: saved (and restarted or not) or refused with the config module's message. */
  public record Outcome(boolean saved, boolean restarted, String message) {}

  public ConnectorSettings load() {
    ConfigDocument document = ConfigDocument.open(configFile);
    return new ConnectorSettings(
        document.value("proxy/server").orElse(""), document.value("proxy/port").orElse(""),
        document.value("proxy/login").orElse(""), document.value("proxy/password").orElse(""),
        document.value("ntp/server").orElse(""), document.value("ntp/port").orElse(""));
  }

  /** Validates and saves {@code settings}, then restarts the service. Never throws. */
  public Outcome apply(ConnectorSettings settings) {
    try {
      ConfigDocument document = ConfigDocument.open(configFile);
      put(document, "proxy/server", settings.proxyServer());
      put(document, "proxy/port", settings.proxyPort());
      put(document, "proxy/login", settings.proxyLogin());
      put(document, "proxy/password", settings.proxyPassword());
      put(document, "ntp/server", settings.ntpServer());
      put(document, "ntp/port", settings.ntpPort());
      document.save(replacer);
    } catch (ConfigException | IllegalArgumentException e) {
      return new Outcome(false, false, "Not saved: " + e.getMessage());
    }
    try {
      service.restart();
      return new Outcome(true, true, "Saved to " + configFile + "; the service restarted with it.");
    } catch (ServiceException e) {
      return new Outcome(true, false, "Saved to " + configFile + ", but the restart failed: " + e.getMessage());
    }
  }

  private static void put(ConfigDocument document, String path, String value) {
    if (value.isEmpty()) {
      document.remove(path);
    } else {
      document.set(path, value);
    }
  }

  public Path configFile() {
    return configFile;
  }
}
