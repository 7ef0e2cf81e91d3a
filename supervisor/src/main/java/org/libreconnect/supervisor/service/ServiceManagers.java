package org.libreconnect.supervisor.service;

import java.time.Duration;
import java.util.Locale;

/** The service manager of the platform this runs on. */
public final class ServiceManagers {
  private ServiceManagers() {}

  public static ServiceManager forPlatform() {
    CommandRunner runner = CommandRunner.processes(Duration.ofSeconds(60));
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return new WindowsServiceManager(WindowsServiceManager.DEFAULT_SERVICE, runner);
    }
    if (os.startsWith("mac")) {
      return new LaunchdServiceManager(LaunchdServiceManager.DEFAULT_TARGET, runner);
    }
    boolean user = Boolean.getBoolean("libreconnect.supervisor.userUnit");
    return new SystemdServiceManager(
        System.getProperty("libreconnect.supervisor.unit", SystemdServiceManager.DEFAULT_UNIT), user, runner);
  }
}
