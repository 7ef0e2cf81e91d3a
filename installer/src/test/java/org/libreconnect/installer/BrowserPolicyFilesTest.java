package org.libreconnect.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserPolicyFilesTest {
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void chromiumGetsAFileOfItsOwnReadableByEveryUser() throws Exception {
    Path managed = dir.resolve("chromium/policies/managed");
    Files.createDirectories(managed);
    Files.writeString(managed.resolve("site.json"), "{\"HomepageLocation\":\"https://intranet\"}");
    ChromiumPolicyFile file = new ChromiumPolicyFile(managed);
    file.write(List.of("https://app.example.com", "https://[*.]example.org:*"));

    JsonNode written = json.readTree(managed.resolve("libreconnect.json").toFile());
    assertThat(written.get("LocalNetworkAccessAllowedForUrls").toString())
        .isEqualTo("[\"https://app.example.com\",\"https://[*.]example.org:*\"]");
    assertThat(written.size()).isEqualTo(1);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.file()))).isEqualTo("rw-r--r--");
    assertThat(Files.readString(managed.resolve("site.json"))).contains("HomepageLocation");

    assertThat(file.remove()).isTrue();
    assertThat(file.remove()).isFalse();
    assertThat(managed.resolve("site.json")).exists();
  }

  @Test
  void firefoxPoliciesAreMergedAndRemovedWithoutTouchingTheRest() throws Exception {
    Path path = dir.resolve("policies.json");
    Files.writeString(path, """
        {"policies": {"DisableTelemetry": true,
                      "LocalNetworkAccess": {"Enabled": true, "SkipDomains": ["printer.example"]}}}
        """);
    FirefoxPolicyFile file = new FirefoxPolicyFile(path);
    file.add(List.of("app.example.com", "printer.example"));
    file.add(List.of("app.example.com"));
    assertThat(file.domains()).containsExactly("printer.example", "app.example.com");
    JsonNode policies = json.readTree(path.toFile()).get("policies");
    assertThat(policies.get("DisableTelemetry").asBoolean()).isTrue();
    assertThat(policies.get("LocalNetworkAccess").get("Enabled").asBoolean()).isTrue();

    assertThat(file.remove(List.of("app.example.com", "printer.example"))).isTrue();
    policies = json.readTree(path.toFile()).get("policies");
    assertThat(policies.get("LocalNetworkAccess").toString()).isEqualTo("{\"Enabled\":true}");
    assertThat(file.remove(List.of("app.example.com"))).isFalse();
  }

  @Test
  void aNewFirefoxFileHoldsOnlyThePolicy() throws Exception {
    Path path = dir.resolve("etc/firefox/policies/policies.json");
    FirefoxPolicyFile file = new FirefoxPolicyFile(path);
    file.add(List.of("*.example.org"));
    assertThat(json.readTree(path.toFile()).toString())
        .isEqualTo("{\"policies\":{\"LocalNetworkAccess\":{\"SkipDomains\":[\"*.example.org\"]}}}");
    assertThat(file.remove(List.of("*.example.org"))).isTrue();
    assertThat(json.readTree(path.toFile()).toString()).isEqualTo("{\"policies\":{}}");
  }

  @Test
  void theSystemFileIsNotCreatedOverADistributionFile() throws Exception {
    Path distribution = dir.resolve("usr/lib/firefox-esr/distribution/policies.json");
    Files.createDirectories(distribution.getParent());
    Files.writeString(distribution, "{\"policies\":{}}");
    FirefoxPolicyFile system = new FirefoxPolicyFile(dir.resolve("etc/firefox/policies/policies.json"));
    assertThatThrownBy(() -> system.requireNotHiding(List.of(distribution)))
        .isInstanceOf(InstallerException.class)
        .hasMessageContaining("Pass --firefox-policies " + distribution);
  }

  @Test
  void brokenJsonIsLeftForTheAdministrator() throws Exception {
    Path path = dir.resolve("policies.json");
    Files.writeString(path, "{\"policies\": {\n  \"DisableTelemetry\": true,\n}");
    assertThatThrownBy(() -> new FirefoxPolicyFile(path).add(List.of("a.example")))
        .isInstanceOf(InstallerException.class)
        .hasMessage(path + " is not valid JSON (line 3); fix it by hand first");
    assertThat(Files.readString(path)).contains("DisableTelemetry");
  }
}
