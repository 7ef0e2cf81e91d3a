package org.libreconnect.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's {@code bin/libreconnect-server}, as {@code ./run.sh server} starts it: with
 * {@code --simulation} it serves in simulation mode and prints a {@code curl} line that, run as
 * printed, answers the DMP status; without it, the simulators are on no class path and a
 * simulation configuration is refused with a clear message.
 */
class ServerLauncherIT {
  private static final String CONFIG = "<libreconnect><simulation><enabled>true</enabled></simulation>"
      + "<rest_server><ip>127.0.0.1</ip></rest_server></libreconnect>";

  private final Path launcher = Path.of("target", "libreconnect", "bin", "libreconnect-server").toAbsolutePath();

  @TempDir Path home;

  @Test
  void thePrintedCurlLineAnswersTheDmpStatus() throws Exception {
    Files.writeString(home.resolve("libreconnect.xml"), CONFIG);
    Process server = new ProcessBuilder("bash", launcher.toString(), "--home", home.toString(), "--simulation",
        "--port", "0").redirectErrorStream(true).start();
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          output.add(line);
        }
      } catch (IOException e) {
        // ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      String curlLine = null;
      for (int i = 0; i < 600 && curlLine == null && server.isAlive(); i++) {
        synchronized (output) {
          curlLine = output.stream().filter(line -> line.startsWith("curl ")).findFirst().orElse(null);
        }
        Thread.sleep(100);
      }
      assertThat(curlLine).as("a line starting with curl: " + output).isNotNull();
      Process curl = new ProcessBuilder("bash", "-c", curlLine).redirectErrorStream(true).start();
      String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(answer).as(answer).contains("\"s_status\":\"OK\"").contains("\"i_dmpStatus\":1");
    } finally {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void withoutTheSimulationFlagASimulationConfigurationIsRefused() throws Exception {
    Files.writeString(home.resolve("libreconnect.xml"), CONFIG);
    Process server = new ProcessBuilder("bash", launcher.toString(), "--home", home.toString(), "--port", "0")
        .redirectErrorStream(true).start();
    assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(server.exitValue()).isNotZero();
    assertThat(output).contains("libreconnect-server --simulation");
  }
}
