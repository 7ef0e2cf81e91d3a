package org.libreconnect.supervisor.service;

import java.util.List;

/**
 * The Windows Service Control Manager through {@code sc.exe}. Changes need an administrator: the
 * supervisor is then started elevated (UAC), as the platform asks.
 */
public final class WindowsServiceManager implements ServiceManager {
  public static final String DEFAULT_SERVICE = "LibreConnect";

  private final String service;
  private final CommandRunner runner;

  public WindowsServiceManager(String service, CommandRunner runner) {
    this.service = service;
    this.runner = runner;
  }

  @Override
  public String name() {
    return "Windows services";
  }

  @Override
  public State state() {
    CommandRunner.Result result = runner.run(List.of("sc.exe", "query", service));
    if (result.status() != 0) {
      return State.UNKNOWN;
    }
    String output = result.output();
    if (output.contains("RUNNING") || output.contains("START_PENDING")) {
      return State.RUNNING;
    }
    return output.contains("STOPPED") || output.contains("STOP_PENDING") ? State.STOPPED : State.UNKNOWN;
  }

  @Override
  public void start() throws ServiceException {
    change("start");
  }

  @Override
  public void stop() throws ServiceException {
    change("stop");
  }

  @Override
  public void restart() throws ServiceException {
    stop();
    start();
  }

  private void change(String verb) throws ServiceException {
    CommandRunner.Result result = runner.run(List.of("sc.exe", verb, service));
    // 1056: already running; 1062: not started. Both leave the wanted state.
    if (result.status() != 0 && result.status() != 1056 && result.status() != 1062) {
      throw new ServiceException("sc " + verb + " " + service + " failed (status " + result.status()
          + "): run the supervisor as an administrator, or use the Services console.");
    }
  }
}
