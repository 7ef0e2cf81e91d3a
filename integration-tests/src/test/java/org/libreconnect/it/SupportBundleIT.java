package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.ConnectorProcess;
import org.libreconnect.testsupport.ConnectorTrust;

/**
 * The status page's diagnostics bundle from a running connector: offered to the connector's own
 * page on loopback only, holding every item support needs, and no PIN, proxy password or session
 * id although a session was opened and a PIN was sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SupportBundleIT {
  static final String PROXY_PASSWORD = "Zq8-proxy-Secret";
  static final String PIN = "9731";

  @TempDir static Path home;
  private ConnectorFixture fixture;
  private HttpClient http;

  @BeforeAll
  void start() throws Exception {
    String config = ConnectorProcess.config(1, ConnectorFixture.APP_ORIGIN).replace("</libreconnect>",
        "  <proxy><server>127.0.0.1</server><port>9</port><login>cabinet</login><password>"
            + PROXY_PASSWORD + "</password></proxy>\n  <ntp><server>127.0.0.1</server><port>9</port></ntp>\n</libreconnect>\n");
    fixture = new ConnectorFixture(home, config);
    http = HttpClient.newBuilder().sslContext(ConnectorTrust.sslContext(fixture.connector.caCertificate()))
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
  }

  private HttpResponse<byte[]> postBundle(String origin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("https://127.0.0.1:" + fixture.connector.port() + "/diagnostics.zip"))
        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody());
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void foreignOriginsAndMissingOriginGetNoBundle() throws Exception {
    assertThat(postBundle("https://evil.example").statusCode()).isEqualTo(403);
    assertThat(postBundle(ConnectorFixture.APP_ORIGIN).statusCode()).isEqualTo(403);
    assertThat(postBundle(null).statusCode()).isEqualTo(403);
    JsonNode refusals = fixture.status().path("support").path("recentRefusals");
    assertThat(refusals.toString()).contains("https://evil.example");
  }

  @Test
  void bundleFromTheStatusPageHoldsEverythingAndNoSecret() throws Exception {
    String sessionId = fixture.openSession("support-test");
    JsonNode answer = fixture.call("{\"s_commandName\":\"hl_readCpxCard\",\"s_sessionId\":\"" + sessionId
        + "\",\"s_pinCode\":\"" + PIN + "\",\"i_timeoutInSeconds\":5}");
    assertThat(answer.path("s_status").asText()).isNotEmpty();

    HttpResponse<byte[]> response = postBundle("https://127.0.0.1:" + fixture.connector.port());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
        .contains("libreconnect-diagnostics-");
    Map<String, String> entries = unzip(response.body());
    assertThat(entries).containsKeys("summary.txt", "checks.txt", "configuration.xml", "status.json",
        "readers.txt", "pkcs11.txt");
    assertThat(entries).containsKeys("logs/service.log", "logs/connector.log");
    assertThat(entries.keySet()).anyMatch(name -> name.startsWith("logs/sessions/"));
    assertThat(entries.get("checks.txt")).contains("NTP server 127.0.0.1:9").contains("through the proxy 127.0.0.1:9")
        .contains("resolves to loopback").contains("trusted by the system store");
    assertThat(entries.get("configuration.xml")).contains("<login>cabinet</login>").contains("********");
    assertThat(entries.get("status.json")).contains("\"activeSessions\"");
    assertThat(entries.get("summary.txt")).contains("Java:").contains("Version:");
    for (var entry : entries.entrySet()) {
      assertThat(entry.getValue()).as(entry.getKey())
          .doesNotContain(PROXY_PASSWORD).doesNotContain(sessionId).doesNotContain(PIN);
    }
  }

  private static Map<String, String> unzip(byte[] zip) throws IOException {
    Map<String, String> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
