package org.libreconnect.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerMainTest {
  @TempDir Path dir;
  private Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);

  @Test
  void certificateEnsureGeneratesOnceThenRenewsWhenDue() throws Exception {
    Path home = dir.resolve("home");
    Files.createDirectories(home);
    Files.writeString(home.resolve("libreconnect.xml"),
        "<libreconnect><server><host_name>connector.example.test</host_name></server></libreconnect>");
    Run first = run("certificate", "ensure", "--home", home.toString());
    assertThat(first.status).as(first.err).isZero();
    assertThat(first.out).contains("Server certificate for connector.example.test valid until")
        .contains("New CA certificate " + home.resolve("tls/ca.crt"));
    assertThat(home.resolve("tls/server.key")).exists();

    Run again = run("certificate", "ensure", "--home", home.toString());
    assertThat(again.out).contains("CA certificate " + home.resolve("tls/ca.crt") + " unchanged");

    clock = Clock.offset(clock, Duration.ofDays(380));
    Run renewed = run("certificate", "ensure", "--home", home.toString());
    assertThat(renewed.out).contains("New CA certificate").contains("trust install --home " + home);
  }

  @Test
  void hostsEnsureTakesTheHostNameFromTheConfiguration() throws Exception {
    Path home = dir.resolve("home");
    Files.createDirectories(home);
    Files.writeString(home.resolve("libreconnect.xml"),
        "<libreconnect><server><host_name>lc-test.invalid</host_name></server></libreconnect>");
    Path hosts = dir.resolve("hosts");
    Files.writeString(hosts, "127.0.0.1 localhost\n");
    Run added = run("hosts", "ensure", "--home", home.toString(), "--hosts-file", hosts.toString());
    assertThat(added.status).as(added.err).isZero();
    assertThat(added.out).isEqualTo("Added \"127.0.0.1 lc-test.invalid\" to " + hosts + "\n");
    assertThat(Files.readString(hosts)).endsWith("127.0.0.1\tlc-test.invalid\t# added by LibreConnect\n");

    Run removed = run("hosts", "remove", "--host", "lc-test.invalid", "--hosts-file", hosts.toString());
    assertThat(removed.status).isZero();
    assertThat(Files.readString(hosts)).isEqualTo("127.0.0.1 localhost\n");
  }

  @Test
  void browserPolicyWriteUsesTheAllowedOrigins() throws Exception {
    Path home = dir.resolve("home");
    Files.createDirectories(home);
    Files.writeString(home.resolve("libreconnect.xml"),
        "<libreconnect><server><allowed_origins><origin>https://*.example.org</origin>"
            + "<origin>http://localhost:*</origin></allowed_origins></server></libreconnect>");
    Path chromium = dir.resolve("chromium");
    Path chrome = dir.resolve("chrome");
    Path firefox = dir.resolve("firefox/policies.json");
    String[] paths = {"--chromium-dir", chromium.toString(), "--chrome-dir", chrome.toString(),
        "--firefox-policies", firefox.toString()};

    Run write = run(concat(new String[] {"browser-policy", "write", "--home", home.toString(), "--origin", "https://app.example.com"}, paths));
    assertThat(write.status).as(write.err).isZero();
    assertThat(Files.readString(chromium.resolve("libreconnect.json")))
        .contains("\"LocalNetworkAccessAllowedForUrls\"")
        .contains("\"https://app.example.com\"", "\"https://[*.]example.org\"", "\"http://localhost:*\"");
    assertThat(chrome.resolve("libreconnect.json")).hasSameTextualContentAs(chromium.resolve("libreconnect.json"));
    assertThat(new FirefoxPolicyFile(firefox).domains()).containsExactly("app.example.com", "*.example.org", "localhost");

    Run remove = run(concat(new String[] {"browser-policy", "remove", "--home", home.toString(), "--origin", "https://app.example.com"}, paths));
    assertThat(remove.status).as(remove.err).isZero();
    assertThat(chromium.resolve("libreconnect.json")).doesNotExist();
    assertThat(new FirefoxPolicyFile(firefox).domains()).isEmpty();
  }

  @Test
  void withoutAllowedOriginsThereIsNothingToWrite() {
    Run run = run("browser-policy", "write", "--home", dir.resolve("empty-home").toString(),
        "--chromium-dir", dir.resolve("c").toString(), "--no-chrome", "--no-firefox");
    assertThat(run.status).isEqualTo(1);
    assertThat(run.err).contains("no web origin to allow");
    assertThat(dir.resolve("c")).doesNotExist();
  }

  @Test
  void dmpRootImportKeepsACaForItsEnvironmentAndRefusesALeaf() throws Exception {
    Path home = dir.resolve("home");
    Path ca = Certificates.newCa(dir.resolve("ca"));

    Run imported = run("dmp-root", "import", "--home", home.toString(), "--environment", "training",
        "--file", ca.toString());

    assertThat(imported.status).as(imported.err).isZero();
    assertThat(imported.out).contains("for the training DMP into").contains("SHA-256 ");
    try (var files = java.nio.file.Files.list(home.resolve("tls/dmp-roots/training"))) {
      assertThat(files.toList()).singleElement()
          .satisfies(file -> assertThat(java.nio.file.Files.readString(file)).startsWith("-----BEGIN CERTIFICATE-----"));
    }
    Run listed = run("dmp-root", "list", "--home", home.toString());
    assertThat(listed.out).startsWith("training\t");
    assertThat(run("dmp-root", "import", "--home", home.toString(), "--environment", "staging", "--file",
        ca.toString()).status).isEqualTo(2);
    Path notACertificate = java.nio.file.Files.writeString(dir.resolve("x.pem"), "hello");
    assertThat(run("dmp-root", "import", "--home", home.toString(), "--environment", "production", "--file",
        notACertificate.toString()).status).isEqualTo(1);
  }

  @Test
  void usageErrorsExitWith2AndNameTheProblem() {
    assertThat(run().status).isEqualTo(2);
    Run unknown = run("trust", "install", "--bogus");
    assertThat(unknown.status).isEqualTo(2);
    assertThat(unknown.err).startsWith("libreconnect-admin: unknown option: --bogus");
    Run noValue = run("hosts", "ensure", "--host");
    assertThat(noValue.err).startsWith("libreconnect-admin: --host needs a value");
    Run badOrigin = run("browser-policy", "write", "--origin", "https://example.com/");
    assertThat(badOrigin.status).isEqualTo(1);
    assertThat(badOrigin.err).contains("--origin:").contains("https://example.com/");
    assertThat(run("--help").status).isZero();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private record Run(int status, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new InstallerMain(new ProcessRunner(), new AdminEnvironment(dir.resolve("default-home"), dir.resolve("user-home")), clock)
            .run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
