package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.ConnectorProcess;

/** A master whose port is taken says which port and what to do, and exits. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BusyPortIT {
  @TempDir Path home;

  @Test
  void aBusyPortIsNamedWithWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Files.writeString(home.resolve("libreconnect.xml"), ConnectorProcess.config(0, ConnectorFixture.APP_ORIGIN));
      Process master = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx256m",
          "-cp", System.getProperty("java.class.path"), "org.libreconnect.master.MasterMain",
          "--home", home.toString(), "--port", String.valueOf(port))
          .redirectErrorStream(true).start();
      String output = new String(master.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(master.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(master.exitValue()).isNotZero();
      assertThat(output).contains("port " + port + " on 127.0.0.1 is already in use")
          .contains("server/port in " + home.resolve("libreconnect.xml"));
      assertThat(List.of(output.split("\n"))).noneMatch(line -> line.contains("is running"));
    }
  }
}
