package org.libreconnect.supervisor.service;

import java.util.ArrayList;
import java.util.List;

/**
 * systemd through {@code systemctl}: a system unit (changes go through polkit, which asks an
 * administrator's password the way the desktop does) or a user unit ({@code --user}).
 */
public final class SystemdServiceManager implements ServiceManager {
  public static final String DEFAULT_UNIT = "libreconnect.service";

  private final String unit;
  private final boolean user;
  private final CommandRunner runner;

  public SystemdServiceManager(String unit, boolean user, CommandRunner runner) {
    this.unit = unit;
    this.user = user;
    this.runner = runner;
  }

  @Override
  public String name() {
    return "systemd";
  }

  private List<String> systemctl(String... arguments) {
    List<String> command = new ArrayList<>(List.of("systemctl"));
    if (user) {
      command.add("--user");
    }
    command.addAll(List.of(arguments));
    command.add(unit);
    return command;
  }

  @Override
  public State state() {
    CommandRunner.Result result = runner.run(systemctl("is-active"));
    return switch (result.output().strip()) {
      case "active", "reloading", "activating" -> State.RUNNING;
      case "inactive", "deactivating" -> State.STOPPED;
      case "failed" -> State.FAILED;
      default -> State.UNKNOWN;
    };
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
    change("restart");
  }

  private void change(String verb) throws ServiceException {
    CommandRunner.Result result = runner.run(systemctl(verb));
    if (result.status() != 0) {
      throw new ServiceException("systemctl " + verb + " " + unit + " failed (status " + result.status()
          + "): check that the service is installed and that you may manage it; 'journalctl -u "
          + unit + "' tells why.");
    }
  }
}
