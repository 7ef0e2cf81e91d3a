package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DmpSimulatorMainTest {
  @Test
  void badArgumentsExitWithStatus2() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = DmpSimulatorMain.run(new String[] {"--port", "99999"}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8), new CountDownLatch(0));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port 99999 is not a port");
  }

  @Test
  void aMissingSeedFileExitsWithStatus2(@TempDir Path directory) throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = DmpSimulatorMain.run(
        new String[] {"--seed", directory.resolve("absent.json").toString()}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8), new CountDownLatch(0));

    assertThat(status).isEqualTo(2);
  }

  @Test
  void runsUntilStoppedAndWritesTheTlsMaterial(@TempDir Path directory) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CountDownLatch stop = new CountDownLatch(1);
    Path tls = directory.resolve("tls");

    CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> {
      try {
        return DmpSimulatorMain.run(new String[] {"--tls-dir", tls.toString(),
            "--no-production-like"}, new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err, stop);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    while (!out.toString(StandardCharsets.UTF_8).contains("dmp.ready")) {
      assertThat(status).isNotDone();
      Thread.sleep(50);
    }
    stop.countDown();

    assertThat(status.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .containsPattern("dmp.ready url=https://127.0.0.1:\\d+/si-dmp-server/v2/services "
            + "productionLikeUrl=-").contains("dmp.stopped");
    assertThat(tls.resolve("server-trust.pem")).content().startsWith("-----BEGIN CERTIFICATE");
    KeyStore card = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(tls.resolve("test-doctor-authentication.p12"))) {
      card.load(in, TlsMaterialWriter.PASSWORD.toCharArray());
    }
    assertThat(card.getCertificateChain("card")).hasSize(3);
  }
}
