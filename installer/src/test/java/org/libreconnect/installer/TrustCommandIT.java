package org.libreconnect.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code libreconnect-admin trust …} end to end, with real certutil and a fake user home. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TrustCommandIT {
  @TempDir Path dir;

  @Test
  void installsListsAndRemovesInAGivenDatabase() {
    Path home = dir.resolve("home");
    Path nss = dir.resolve("browser-home/.pki/nssdb");
    assertThat(run("certificate", "ensure", "--home", home.toString()).status).isZero();

    Run install = run("trust", "install", "--home", home.toString(), "--nss-db", nss.toString(), "--no-system");
    assertThat(install.status).as(install.err).isZero();
    assertThat(install.out).contains("NSS database " + nss + ": trusted as \"LibreConnect local CA\"");

    Run list = run("trust", "list", "--nss-db", nss.toString(), "--no-system");
    assertThat(list.out).containsPattern("LibreConnect local CA\\s+C,,");

    Run remove = run("trust", "remove", "--nss-db", nss.toString(), "--no-system");
    assertThat(remove.out).contains("removed 1 LibreConnect CA(s)");
    assertThat(run("trust", "list", "--nss-db", nss.toString(), "--no-system").out).doesNotContain("LibreConnect local CA");
  }

  @Test
  void findsTheDatabasesOfAUsersBrowsers() {
    Path userHome = dir.resolve("user");
    NssDatabase chromium = new NssDatabase(userHome.resolve(".pki/nssdb"), new ProcessRunner());
    NssDatabase firefox = new NssDatabase(userHome.resolve(".mozilla/firefox/abcd.default-esr"), new ProcessRunner());
    chromium.createIfMissing();
    firefox.createIfMissing();
    Path home = dir.resolve("home");
    run("certificate", "ensure", "--home", home.toString());

    Run install = run("trust", "install", "--home", home.toString(), "--user-home", userHome.toString(), "--no-system");
    assertThat(install.status).as(install.err).isZero();
    assertThat(chromium.contains()).isTrue();
    assertThat(firefox.contains()).isTrue();

    run("trust", "remove", "--user-home", userHome.toString(), "--no-system");
    assertThat(chromium.contains()).isFalse();
    assertThat(firefox.contains()).isFalse();
  }

  @Test
  void saysSoWhenThereIsNoDatabaseOrNoCa() {
    Run none = run("trust", "install", "--ca", dir.resolve("missing.crt").toString(), "--no-system");
    assertThat(none.status).isEqualTo(1);
    assertThat(none.err).contains("no CA certificate at " + dir.resolve("missing.crt"));

    Path home = dir.resolve("home");
    run("certificate", "ensure", "--home", home.toString());
    Run empty = run("trust", "install", "--home", home.toString(), "--user-home", dir.resolve("empty").toString(), "--no-system");
    assertThat(empty.status).isZero();
    assertThat(empty.out).contains("NSS: no database under " + dir.resolve("empty"));
    assertThat(Files.exists(dir.resolve("empty"))).isFalse();
  }

  private record Run(int status, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new InstallerMain(new ProcessRunner(), new AdminEnvironment(dir.resolve("default-home"), dir.resolve("user-home")),
                Clock.systemUTC())
            .run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
