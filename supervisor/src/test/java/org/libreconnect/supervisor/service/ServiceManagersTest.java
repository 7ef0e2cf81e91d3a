package org.libreconnect.supervisor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceManagersTest {
  /** Records the command lines and answers with a fixed result. */
  static final class Recorder implements CommandRunner {
    final List<List<String>> calls = new ArrayList<>();
    Result answer;

    Recorder(int status, String output) {
      answer = new Result(status, output);
    }

    @Override
    public Result run(List<String> command) {
      calls.add(command);
      return answer;
    }
  }

  @Test
  void systemdReadsIsActiveAndChangesThroughSystemctl() throws Exception {
    Recorder runner = new Recorder(0, "active\n");
    SystemdServiceManager systemd = new SystemdServiceManager("libreconnect.service", false, runner);
    assertThat(systemd.state()).isEqualTo(ServiceManager.State.RUNNING);
    systemd.restart();
    assertThat(runner.calls).containsExactly(
        List.of("systemctl", "is-active", "libreconnect.service"),
        List.of("systemctl", "restart", "libreconnect.service"));
    runner.answer = new CommandRunner.Result(3, "inactive");
    assertThat(systemd.state()).isEqualTo(ServiceManager.State.STOPPED);
    runner.answer = new CommandRunner.Result(3, "failed");
    assertThat(systemd.state()).isEqualTo(ServiceManager.State.FAILED);
    runner.answer = new CommandRunner.Result(4, "Access denied");
    assertThatThrownBy(systemd::stop).isInstanceOf(ServiceException.class).hasMessageContaining("journalctl");
  }

  @Test
  void systemdUserUnitsUseTheUserManager() {
    Recorder runner = new Recorder(0, "active");
    new SystemdServiceManager("libreconnect.service", true, runner).state();
    assertThat(runner.calls.get(0)).containsExactly("systemctl", "--user", "is-active", "libreconnect.service");
  }

  @Test
  void windowsReadsScQueryAndToleratesAlreadyInState() throws Exception {
    Recorder runner = new Recorder(0, "SERVICE_NAME: LibreConnect\n        STATE              : 4  RUNNING");
    WindowsServiceManager windows = new WindowsServiceManager("LibreConnect", runner);
    assertThat(windows.state()).isEqualTo(ServiceManager.State.RUNNING);
    runner.answer = new CommandRunner.Result(1056, "already running");
    windows.start();
    runner.answer = new CommandRunner.Result(5, "Access is denied.");
    assertThatThrownBy(windows::start).hasMessageContaining("administrator");
  }

  @Test
  void launchdKickstartsToRestart() throws Exception {
    Recorder runner = new Recorder(0, "state = running");
    LaunchdServiceManager launchd = new LaunchdServiceManager("system/org.libreconnect", runner);
    assertThat(launchd.state()).isEqualTo(ServiceManager.State.RUNNING);
    launchd.restart();
    assertThat(runner.calls.get(1)).containsExactly("launchctl", "kickstart", "-k", "system/org.libreconnect");
  }
}
