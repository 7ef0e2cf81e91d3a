package org.libreconnect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MasterPipeTest {

  @Test
  void theTokenIsTheFirstLine() throws IOException {
    assertThat(MasterPipe.readToken(input("00ff9A\nmore"))).isEqualTo("00ff9A");
    assertThat(MasterPipe.readToken(input("abc\r\n"))).isEqualTo("abc");
  }

  @Test
  void aMissingOrNonHexTokenIsRefused() {
    assertThatThrownBy(() -> MasterPipe.readToken(input("abc"))).hasMessageContaining("ended");
    assertThatThrownBy(() -> MasterPipe.readToken(input("not-hex\n"))).hasMessageContaining("hex");
    assertThatThrownBy(() -> MasterPipe.readToken(input("a".repeat(5000) + "\n")))
        .hasMessageContaining("longer");
  }

  @Test
  void aUsersWorkerReadsTheConfigurationLineAfterTheToken() throws IOException {
    String xml = "<libreconnect><server><log_level>3</log_level></server></libreconnect>";
    java.io.InputStream in = input("beef\n"
        + java.util.Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)) + "\n");
    assertThat(MasterPipe.readToken(in)).isEqualTo("beef");
    assertThat(new String(MasterPipe.readConfiguration(in), StandardCharsets.UTF_8)).isEqualTo(xml);
    assertThat(MasterPipe.readConfiguration(input("\n"))).as("no configuration file").isEmpty();
    assertThatThrownBy(() -> MasterPipe.readConfiguration(input("!!\n"))).hasMessageContaining("base64");
    assertThatThrownBy(() -> MasterPipe.readConfiguration(input("abc"))).hasMessageContaining("ended");
  }

  @Test
  void endOfFileAfterTheTokenExitsWithZero() throws Exception {
    PipedOutputStream master = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(master);
    master.write("beef\n".getBytes(StandardCharsets.US_ASCII));
    CountDownLatch exited = new CountDownLatch(1);
    AtomicInteger status = new AtomicInteger(-1);

    assertThat(MasterPipe.readToken(stdin)).isEqualTo("beef");
    Thread watcher =
        MasterPipe.exitOnEndOfFile(
            stdin,
            s -> {
              status.set(s);
              exited.countDown();
            });
    assertThat(watcher.isDaemon()).isTrue();
    assertThat(exited.await(200, TimeUnit.MILLISECONDS)).isFalse();

    master.close();

    assertThat(exited.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(status.get()).isZero();
  }

  private static InputStream input(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }
}
