package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.FreePort;

/**
 * The supervisor for real: Xvfb (Debian's xvfb) gives it an X display, {@link SupervisorDriver}
 * runs its window in a JVM of its own on that display against a real connector, changes the proxy
 * to a real tinyproxy in the Settings tab, and screenshots each tab into
 * {@code target/screenshots/}. The restarted connector must then go through tinyproxy.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SupervisorXvfbIT {
  static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
  static final String LOGIN = "cabinet";
  static final String PASSWORD = "Xvfb-proxy-Pass-77";

  @TempDir Path state;

  @Test
  void supervisorShowsTheServiceChangesTheProxyAndExportsTheBundle() throws Exception {
    Process xvfb = null;
    try {
      run("bash", DmpProxyNtpIT.SCRIPT.toString(), "install");
      int proxyPort = FreePort.onLoopback();
      run("bash", DmpProxyNtpIT.SCRIPT.toString(), "start-proxy", state.resolve("proxy").toString(),
          String.valueOf(proxyPort), LOGIN, PASSWORD);
      int display = freeDisplay();
      xvfb = new ProcessBuilder("Xvfb", ":" + display, "-screen", "0", "1024x768x24", "-nolisten", "tcp")
          .redirectErrorStream(true).redirectOutput(state.resolve("xvfb.log").toFile()).start();
      awaitSocket(display);

      List<String> command = new ArrayList<>(List.of(
          ProcessHandle.current().info().command().orElseThrow(), "-Xmx256m", "-Dawt.useSystemAAFontSettings=on",
          "-cp", System.getProperty("java.class.path"), SupervisorDriver.class.getName(),
          state.resolve("home").toString(), String.valueOf(proxyPort), LOGIN, PASSWORD, SCREENSHOTS.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("DISPLAY", ":" + display);
      Process driver = builder.start();
      String output = new String(driver.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(driver.waitFor(200, TimeUnit.SECONDS)).isTrue();
      assertThat(output).as(output).contains("SUPERVISOR-OK");
      for (String shot : List.of("supervisor-status.png", "supervisor-settings.png",
          "supervisor-settings-applied.png", "supervisor-support.png")) {
        assertThat(Files.size(SCREENSHOTS.resolve(shot))).as(shot).isGreaterThan(2000);
      }
      String proxyLog = Files.readString(state.resolve("proxy").resolve("tinyproxy.log"));
      assertThat(proxyLog).as("the restarted connector went through tinyproxy").contains("lps2.dmp.gouv.fr");
    } finally {
      run("bash", DmpProxyNtpIT.SCRIPT.toString(), "stop", state.resolve("proxy").toString());
      if (xvfb != null) {
        xvfb.destroy();
        xvfb.waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  private static int freeDisplay() {
    for (int n = 90 + (int) (ProcessHandle.current().pid() % 50); n < 400; n++) {
      if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
        return n;
      }
    }
    throw new IllegalStateException("no free X display number");
  }

  private static void awaitSocket(int display) throws InterruptedException {
    for (int i = 0; i < 100 && !Files.exists(Path.of("/tmp/.X11-unix/X" + display)); i++) {
      Thread.sleep(100);
    }
    assertThat(Path.of("/tmp/.X11-unix/X" + display)).as("Xvfb is listening").exists();
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }
}
