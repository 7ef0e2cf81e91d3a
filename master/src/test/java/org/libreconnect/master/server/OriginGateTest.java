package org.libreconnect.master.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.libreconnect.config.AllowedOrigin;

class OriginGateTest {
  private final OriginPolicy policy = new OriginPolicy(List.of(AllowedOrigin.parse("https://*.example.com")));

  @Test
  void allowedOriginPassesTheRequestOn() {
    EmbeddedChannel channel = new EmbeddedChannel(new OriginGate(policy));
    FullHttpRequest request = upgrade("https://app.example.com");
    channel.writeInbound(request);
    assertThat((Object) channel.readInbound()).isSameAs(request);
    assertThat((Object) channel.readOutbound()).isNull();
    assertThat(policy.refusals()).isZero();
    request.release();
  }

  @Test
  void otherOriginsGet403AndTheConnectionCloses() {
    for (String origin : new String[] {null, "null", "https://example.com", "https://app.example.com.evil.test"}) {
      EmbeddedChannel channel = new EmbeddedChannel(new OriginGate(policy));
      channel.writeInbound(upgrade(origin));
      assertThat((Object) channel.readInbound()).isNull();
      FullHttpResponse response = channel.readOutbound();
      assertThat(response.status()).isEqualTo(HttpResponseStatus.FORBIDDEN);
      assertThat(channel.isOpen()).isFalse();
      response.release();
    }
    assertThat(policy.refusals()).isEqualTo(4);
  }

  @Test
  void ownPagesAreAllowedOnceThePortIsKnown() {
    assertThat(policy.allows("https://localhost.icanopee.net:9982")).isFalse();
    policy.allowOwnPages("localhost.icanopee.net", 9982);
    assertThat(policy.allows("https://localhost.icanopee.net:9982")).isTrue();
    assertThat(policy.allows("https://127.0.0.1:9982")).isTrue();
    assertThat(policy.allows("https://localhost.icanopee.net:9983")).isFalse();
    assertThat(policy.allows("https://a.example.com")).isTrue();
  }

  private static FullHttpRequest upgrade(String origin) {
    FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
    request.headers().set(HttpHeaderNames.UPGRADE, "websocket").set(HttpHeaderNames.CONNECTION, "Upgrade");
    if (origin != null) {
      request.headers().set(HttpHeaderNames.ORIGIN, origin);
    }
    return request;
  }
}
