package org.libreconnect.supervisor.service;

import java.util.List;

/** launchd through {@code launchctl}, for a daemon labelled e.g. {@code system/org.libreconnect}. */
public final class LaunchdServiceManager implements ServiceManager {
  public static final String DEFAULT_TARGET = "system/org.libreconnect";

  private final String target;
  private final CommandRunner runner;

  public LaunchdServiceManager(String target, CommandRunner runner) {
    this.target = target;
    this.runner = runner;
  }

  @Override
  public String name() {
    return "launchd";
  }

  @Override
  public State state() {
    CommandRunner.Result result = runner.run(List.of("launchctl", "print", target));
    if (result.status() != 0) {
      return State.STOPPED;
    }
    return result.output().contains("state = running") ? State.RUNNING : State.STOPPED;
  }

  @Override
  public void start() throws ServiceException {
    change(List.of("launchctl", "kickstart", target));
  }

  @Override
  public void stop() throws ServiceException {
    change(List.of("launchctl", "kill", "SIGTERM", target));
  }

  @Override
  public void restart() throws ServiceException {
    change(List.of("launchctl", "kickstart", "-k", target));
  }

  private void change(List<String> command) throws ServiceException {
    CommandRunner.Result result = runner.run(command);
    if (result.status() != 0) {
      throw new ServiceException(String.join(" ", command) + " failed (status " + result.status()
          + "): run it as an administrator (sudo).");
    }
  }
}
