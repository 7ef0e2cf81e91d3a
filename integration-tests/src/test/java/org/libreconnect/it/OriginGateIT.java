package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OriginGateIT {
  @TempDir static Path home;
  private ConnectorFixture fixture;

  @BeforeAll
  void start() throws Exception {
    fixture = new ConnectorFixture(home, 0);
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://app.example.test", "https://app.example.test:443", "https://a.example.org",
      "https://deep.sub.example.org"})
  void allowedOriginsGetAnAnswer(String origin) throws Exception {
    assertThat(fixture.client.call(origin, "{\"s_commandName\":\"getLogLevels\"}").path("s_status").asText())
        .isEqualTo("OK");
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "http://app.example.test", "https://app.example.test:8443",
      "https://example.org", "https://evilexample.org", "https://example.org.evil.test",
      "https://xapp.example.test", "https://app.example.test.evil.test", "https://app.example.test/",
      "https://user@app.example.test"})
  void otherOriginsAreRefusedBeforeTheUpgrade(String origin) throws Exception {
    long before = fixture.status().path("refusedOrigins").asLong();
    assertThat(handshakeStatus(origin)).isEqualTo(403);
    assertThat(fixture.status().path("refusedOrigins").asLong()).isEqualTo(before + 1);
  }

  @Test
  void missingOriginIsRefused() throws Exception {
    assertThat(handshakeStatus(null)).isEqualTo(403);
  }

  @Test
  void privateNetworkPreflightIsAnsweredForAllowedOrigins() throws Exception {
    HttpResponse<String> preflight =
        fixture.client.options("/health", ConnectorFixture.APP_ORIGIN,
            "Access-Control-Request-Private-Network", "true");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Private-Network")).contains("true");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(ConnectorFixture.APP_ORIGIN);
    HttpResponse<String> refused =
        fixture.client.options("/health", "https://evil.test", "Access-Control-Request-Private-Network", "true");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Private-Network")).isEmpty();
  }

  /** The HTTP status of a refused handshake; fails the test if the handshake succeeds. */
  private int handshakeStatus(String origin) {
    Throwable failure = catchThrowable(() -> fixture.client.connect(origin).close());
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof WebSocketHandshakeException handshake) {
        return handshake.getResponse().statusCode();
      }
    }
    throw new AssertionError("handshake from " + origin + " was not refused", failure);
  }

  @Test
  void restFormFollowsTheSameRules() throws Exception {
    String body = "{\"s_commandName\":\"getLogLevels\"}";
    HttpResponse<String> allowed = fixture.client.post("/api/getloglevels", ConnectorFixture.APP_ORIGIN, body, "text/plain;charset=UTF-8");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.body()).contains("\"s_status\":\"OK\"");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ConnectorFixture.APP_ORIGIN);
    HttpResponse<String> refused = fixture.client.post("/api/getloglevels", "https://evil.test", body, "application/json");
    assertThat(refused.statusCode()).isEqualTo(403);
    HttpResponse<String> noOrigin = fixture.client.post("/api/getloglevels", null, body, "application/json");
    assertThat(noOrigin.statusCode()).isEqualTo(403);
  }

  @Test
  void healthAnswersWithCorsOnlyForAllowedOrigins() throws Exception {
    HttpResponse<String> allowed = fixture.client.get("/health", "https://a.example.org");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://a.example.org");
    assertThat(allowed.headers().firstValue("eSanteConnect-Version")).isPresent();
    // s_status first, as in every answer (a Map.of put it first or second at random)
    assertThat(allowed.body()).startsWith("{\"s_status\":\"OK\",\"s_serviceVersion\":\"");
    HttpResponse<String> other = fixture.client.get("/health", "https://evil.test");
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
