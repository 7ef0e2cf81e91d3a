package org.libreconnect.simulator.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VpcdCardMainTest {
  @Test
  void parsesItsOptions() {
    VpcdCardMain.Options options =
        VpcdCardMain.Options.parse(
            new String[] {
              "--port",
              "35964",
              "--certificates",
              "/tmp/x",
              "--production-like",
              "--wait-seconds",
              "3"
            });
    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.port()).isEqualTo(35964);
    assertThat(options.certificates()).hasToString("/tmp/x");
    assertThat(options.productionLike()).isTrue();
    assertThat(options.patience()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void theVitaleOptionChoosesTheVitaleCardVariant() throws Exception {
    assertThat(VpcdCardMain.Options.parse(new String[] {"--vitale", "demo"}).vitale())
        .isEqualTo(SimulatedVitaleCard.Kind.DEMO);
    assertThat(VpcdCardMain.Options.parse(new String[] {}).vitale()).isNull();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        VpcdCardMain.run(
            new String[] {"--vitale", "gold"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--vitale is test or demo");
  }

  @Test
  void badArgumentsExitWithTwoAndSayWhy() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        VpcdCardMain.run(
            new String[] {"--port", "99999"},
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port 99999 is not a port");
    status =
        VpcdCardMain.run(
            new String[] {"--colour"},
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument \"--colour\"");
  }
}
