package org.libreconnect.supervisor.service;

/**
 * The connector's service as the platform's service manager knows it: systemd on Linux, the
 * Service Control Manager on Windows, launchd on macOS. Changing the state may ask for the rights
 * the platform requires (polkit on Linux, UAC on Windows); reading it never does.
 */
public interface ServiceManager {

  /** What the service manager says about the service. */
  enum State {
    RUNNING,
    STOPPED,
    FAILED,
    UNKNOWN
  }

  /** The platform's name of this manager, for messages ("systemd", "Windows services", "launchd"). */
  String name();

  State state();

  void start() throws ServiceException;

  void stop() throws ServiceException;

  void restart() throws ServiceException;
}
