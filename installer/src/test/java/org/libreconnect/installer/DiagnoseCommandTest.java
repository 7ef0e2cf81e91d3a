package org.libreconnect.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseCommandTest {
  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = new InstallerMain(new ProcessRunner(),
            new AdminEnvironment(dir.resolve("default-home"), dir.resolve("user-home")), Clock.systemUTC())
        .run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void bundleOfAStoppedConnectorSaysSoAndHoldsNoPassword() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(home.resolve("libreconnect.xml"), "<libreconnect><server><port>1</port></server>"
        + "<proxy><server>127.0.0.1</server><port>9</port><login>jean</login><password>Adm1n-Secret</password></proxy>"
        + "</libreconnect>\n");
    Path zip = dir.resolve("out.zip");
    Run run = run("diagnose", "bundle", "--home", home.toString(), "--out", zip.toString());
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("Diagnostics bundle written to " + zip);
    List<String> names = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        names.add(entry.getName());
        all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(names).contains("summary.txt", "checks.txt", "configuration.xml", "status.json");
    assertThat(all).contains("does not answer on 127.0.0.1:1").contains("through the proxy 127.0.0.1:9")
        .doesNotContain("Adm1n-Secret");
  }

  @Test
  void checksExitWithOneWhenACheckFailsAndUnknownActionsAreUsageErrors() {
    Path home = dir.resolve("empty-home");
    Run checks = run("diagnose", "checks", "--home", home.toString());
    assertThat(checks.status()).isEqualTo(1);
    assertThat(checks.out()).contains("[FAILED] Connector CA trusted by the system store");
    Run bad = run("diagnose", "everything");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown action");
  }
}
