package org.libreconnect.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsBundleTest {
  static final String PASSWORD = "Pr0xy-Pa55-913";
  static final String SESSION_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
  static final String PIN = "4321";

  @TempDir Path home;

  @Test
  void bundleHoldsEveryItemAndNoSecret() throws IOException {
    Path config = home.resolve("libreconnect.xml");
    Files.writeString(config, """
        <libreconnect><proxy><server>127.0.0.1</server><port>3128</port><login>jean</login>
        <password>%s</password></proxy><ntp><server>127.0.0.1</server></ntp></libreconnect>
        """.formatted(PASSWORD));
    Path logs = Files.createDirectories(home.resolve("logs"));
    Files.writeString(logs.resolve("master.log"),
        "INFO session.open id=" + SESSION_ID + "\nWARN origin.refused origin=\"https://evil.example\"\n");
    Path worker = Files.createDirectories(logs.resolve("sessions/app-1"));
    Files.writeString(worker.resolve("worker.log"),
        "DEBUG card.verify s_pinCode=" + PIN + " proxy " + PASSWORD + "\nINFO dmp.call ok\n");

    BundleSources sources = new BundleSources(config, logs,
        () -> "{\"version\":\"test\",\"sessions\":[{\"id\":\"" + SESSION_ID + "\"}]}",
        () -> List.of(CheckResult.ok("NTP server", "answered"),
            CheckResult.failed("DMP reachable directly", "no connection", "Open HTTPS.")),
        () -> "Virtual PCD 00 00: card present, ATR 3B8F8001\n",
        () -> Pkcs11Probe.describe(Optional.of(home.resolve("missing.so")), List.of()),
        List.of(PASSWORD));
    DiagnosticsBundle bundle = new DiagnosticsBundle(sources, Clock.systemUTC());
    Path zip = home.resolve(bundle.fileName());
    bundle.writeTo(zip);

    Map<String, String> entries = read(zip);
    assertThat(entries).containsKeys("summary.txt", "checks.txt", "configuration.xml", "status.json",
        "readers.txt", "pkcs11.txt", "logs/master.log", "logs/sessions/app-1/worker.log");
    assertThat(entries.get("summary.txt")).contains("Java:").contains("Version:")
        .contains("Configuration file: " + config).contains("1 failed");
    assertThat(entries.get("checks.txt")).contains("[FAILED] DMP reachable directly: no connection — Open HTTPS.");
    assertThat(entries.get("configuration.xml")).contains("<login>jean</login>").contains("********");
    assertThat(entries.get("readers.txt")).contains("ATR 3B8F8001");
    assertThat(entries.get("pkcs11.txt")).contains("MISSING");
    assertThat(entries.get("logs/master.log")).contains("origin.refused").contains("7c9e6679…");
    for (var entry : entries.entrySet()) {
      assertThat(entry.getValue()).as(entry.getKey())
          .doesNotContain(PASSWORD).doesNotContain(SESSION_ID).doesNotContain("=" + PIN);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zip))).isEqualTo("rw-------");
  }

  static Map<String, String> read(Path zip) throws IOException {
    Map<String, String> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
