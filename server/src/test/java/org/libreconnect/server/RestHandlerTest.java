package org.libreconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.libreconnect.config.RestServerConfig;

/**
 * The request gate on the event loop, without TLS or DMP: the in-flight bound (503 with
 * Retry-After), readiness during a graceful stop, CORS only for configured origins, 401/403/404
 * before anything is run. The DMP access is absent: a request that got past the gate would fail.
 */
class RestHandlerTest {
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final RestService service = new RestService(null,
      new Callers(List.of(new RestServerConfig.Caller("dpi", Optional.of(Callers.sha256("t")), Optional.empty(),
          Set.of("getDmpStatus")))),
      new Cors(List.of("https://app.example.org")), executor, 1, Duration.ofSeconds(5));

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private FullHttpResponse send(HttpMethod method, String path, String token, String origin) {
    EmbeddedChannel channel = new EmbeddedChannel(new RestHandler(service));
    FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path,
        Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8));
    if (token != null) {
      request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
    }
    if (origin != null) {
      request.headers().set(HttpHeaderNames.ORIGIN, origin);
    }
    channel.writeInbound(request);
    FullHttpResponse response = channel.readOutbound();
    channel.finishAndReleaseAll();
    return response;
  }

  @Test
  void beyondTheInFlightBoundItIs503WithRetryAfter() {
    assertThat(service.inFlight().tryAcquire()).isTrue();
    FullHttpResponse response = send(HttpMethod.POST, "/getDmpStatus", "t", null);
    assertThat(response.status().code()).isEqualTo(503);
    assertThat(response.headers().get(HttpHeaderNames.RETRY_AFTER)).isEqualTo("1");
    service.inFlight().release();
  }

  @Test
  void callerChecksComeFirst() {
    assertThat(send(HttpMethod.POST, "/getDmpStatus", null, null).status().code()).isEqualTo(401);
    assertThat(send(HttpMethod.POST, "/deleteDocument", "t", null).status().code()).isEqualTo(403);
    assertThat(send(HttpMethod.POST, "/nothing", "t", null).status().code()).isEqualTo(404);
    // Every operation of the table is routed: known (403 for this caller), not unknown (404).
    for (Operations.Operation<?> operation : Operations.all()) {
      if (!operation.name().equals("getDmpStatus")) {
        assertThat(send(HttpMethod.POST, "/" + operation.name(), "t", null).status().code())
            .as(operation.name()).isEqualTo(403);
      }
    }
    assertThat(send(HttpMethod.PUT, "/getDmpStatus", "t", null).status().code()).isEqualTo(405);
  }

  @Test
  void readinessTurns503OnceTheStopBegins() {
    assertThat(send(HttpMethod.GET, "/ready", null, null).status().code()).isEqualTo(200);
    service.stopTaking();
    FullHttpResponse ready = send(HttpMethod.GET, "/ready", null, null);
    assertThat(ready.status().code()).isEqualTo(503);
    assertThat(ready.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
    assertThat(send(HttpMethod.GET, "/health", null, null).status().code()).isEqualTo(200);
  }

  @Test
  void corsOnlyForConfiguredOrigins() {
    FullHttpResponse allowed = send(HttpMethod.OPTIONS, "/getDmpStatus", null, "https://app.example.org");
    assertThat(allowed.status().code()).isEqualTo(204);
    assertThat(allowed.headers().get(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo("https://app.example.org");
    FullHttpResponse other = send(HttpMethod.OPTIONS, "/getDmpStatus", null, "https://evil.example");
    assertThat(other.status().code()).isEqualTo(403);
    assertThat(other.headers().contains(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)).isFalse();
    assertThat(send(HttpMethod.POST, "/getDmpStatus", null, "https://evil.example").headers()
        .contains(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)).isFalse();
  }
}
