package org.libreconnect.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.config.ConfigLoader;
import org.libreconnect.supervisor.service.ServiceException;
import org.libreconnect.supervisor.service.ServiceManager;

class SettingsControllerTest {
  @TempDir Path home;

  static final class CountingService implements ServiceManager {
    final AtomicInteger restarts = new AtomicInteger();
    boolean fail;

    @Override
    public String name() {
      return "test";
    }

    @Override
    public State state() {
      return State.RUNNING;
    }

    @Override
    public void start() {}

    @Override
    public void stop() {}

    @Override
    public void restart() throws ServiceException {
      restarts.incrementAndGet();
      if (fail) {
        throw new ServiceException("refused");
      }
    }
  }

  @Test
  void savesProxyAndNtpKeepsEverythingElseAndRestarts() throws Exception {
    Path file = home.resolve("libreconnect.xml");
    Files.writeString(file, "<libreconnect>\n  <!-- ours -->\n  <server><port>9982</port></server>\n"
        + "  <future_setting>kept</future_setting>\n</libreconnect>\n");
    CountingService service = new CountingService();
    SettingsController controller = new SettingsController(file, service);
    var outcome = controller.apply(new ConnectorSettings("proxy.cabinet.lan", "3128", "jean", "s3cret", "ntp.lan", ""));
    assertThat(outcome.saved()).isTrue();
    assertThat(outcome.restarted()).isTrue();
    assertThat(service.restarts.get()).isEqualTo(1);
    String xml = Files.readString(file);
    assertThat(xml).contains("<future_setting>kept</future_setting>").contains("<!-- ours -->")
        .contains("<server>proxy.cabinet.lan</server>").contains("<port>3128</port>");
    var config = ConfigLoader.load(file);
    assertThat(config.proxy().password()).contains("s3cret");
    assertThat(config.ntp().server()).contains("ntp.lan");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(controller.load()).isEqualTo(
        new ConnectorSettings("proxy.cabinet.lan", "3128", "jean", "s3cret", "ntp.lan", ""));

    controller.apply(new ConnectorSettings("", "", "", "", "", ""));
    assertThat(ConfigLoader.load(file).proxy().configured()).isFalse();
    assertThat(Files.readString(file)).contains("<future_setting>kept</future_setting>");
  }

  @Test
  void invalidValuesAreRefusedWithTheConfigModulesMessageAndTheFileIsUnchanged() throws Exception {
    Path file = home.resolve("libreconnect.xml");
    Files.writeString(file, "<libreconnect><proxy><server>old</server><port>8080</port></proxy></libreconnect>\n");
    String before = Files.readString(file);
    CountingService service = new CountingService();
    var outcome = new SettingsController(file, service)
        .apply(new ConnectorSettings("proxy.lan", "99999", "", "", "", ""));
    assertThat(outcome.saved()).isFalse();
    assertThat(outcome.message()).startsWith("Not saved:").contains("port");
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(service.restarts.get()).isZero();
  }

  @Test
  void aFailedRestartIsReportedAfterSaving() throws Exception {
    Path file = home.resolve("libreconnect.xml");
    CountingService service = new CountingService();
    service.fail = true;
    var outcome = new SettingsController(file, service).apply(new ConnectorSettings("", "", "", "", "ntp.lan", "123"));
    assertThat(outcome.saved()).isTrue();
    assertThat(outcome.restarted()).isFalse();
    assertThat(outcome.message()).contains("restart failed").contains("refused");
  }
}
