package org.libreconnect.master.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.libreconnect.config.AllowedOrigin;

/** Each refusal is decided on the request head, before any body byte is accepted. */
class RequestGateTest {
  private static final String HOST = "localhost.icanopee.net:9982";
  private final OriginPolicy policy =
      new OriginPolicy(List.of(AllowedOrigin.parse("https://*.example.com")));

  private EmbeddedChannel channel() {
    return new EmbeddedChannel(
        new RequestGate(policy, RequestGate.hostsFor("localhost.icanopee.net", "127.0.0.1"), 1024));
  }

  @Test
  void allowedOriginPassesTheUpgradeOn() {
    EmbeddedChannel channel = channel();
    HttpRequest request = upgrade("https://app.example.com");
    channel.writeInbound(request);
    assertThat((Object) channel.readInbound()).isSameAs(request);
    assertThat((Object) channel.readOutbound()).isNull();
    assertThat(policy.refusals()).isZero();
  }

  @Test
  void otherOriginsGet403BeforeAnyUpgradeAndTheConnectionCloses() {
    for (String origin :
        new String[] {null, "null", "https://example.com", "https://app.example.com.evil.test"}) {
      EmbeddedChannel channel = channel();
      channel.writeInbound(upgrade(origin));
      assertThat((Object) channel.readInbound()).isNull();
      assertRefused(channel, HttpResponseStatus.FORBIDDEN);
    }
    assertThat(policy.refusals()).isEqualTo(4);
  }

  @Test
  void aForeignPostIsRefusedOnItsHeadAndItsBodyIsDroppedUnread() {
    EmbeddedChannel channel = channel();
    HttpRequest post = request(HttpMethod.POST, "/api/hl_opensession", "https://evil.test");
    post.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 31 * 1024 * 1024);
    HttpContent chunk = new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[8192]));
    channel.writeInbound(post, chunk, new DefaultLastHttpContent());
    assertThat((Object) channel.readInbound()).as("nothing reaches the aggregator").isNull();
    assertThat(chunk.refCnt()).as("dropped and released").isZero();
    assertRefused(channel, HttpResponseStatus.FORBIDDEN);
  }

  @Test
  void aRestBodyOverTheLimitIsRefusedOnItsDeclaredLength() {
    EmbeddedChannel channel = channel();
    HttpRequest post = request(HttpMethod.POST, "/api/hl_opensession", "https://app.example.com");
    post.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 1025);
    channel.writeInbound(post);
    assertThat((Object) channel.readInbound()).isNull();
    FullHttpResponse response = assertRefused(channel, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
    assertThat(response).isNotNull();
  }

  @Test
  void aBodyWhereNoneBelongsIsRefused() {
    EmbeddedChannel channel = channel();
    HttpRequest get = request(HttpMethod.GET, "/status.json", null);
    get.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 10);
    channel.writeInbound(get);
    assertRefused(channel, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
  }

  @Test
  void aHostThatIsNotTheConnectorsGets421() {
    for (String host : new String[] {"attacker.test", "attacker.test:9982", "", "localhost.evil.test"}) {
      EmbeddedChannel channel = channel();
      HttpRequest get = request(HttpMethod.GET, "/status.json", null);
      get.headers().set(HttpHeaderNames.HOST, host);
      channel.writeInbound(get);
      assertThat((Object) channel.readInbound()).isNull();
      assertRefused(channel, HttpResponseStatus.MISDIRECTED_REQUEST);
    }
    for (String host : new String[] {"localhost.icanopee.net:9982", "LOCALHOST:1", "127.0.0.1", "[::1]:9982"}) {
      EmbeddedChannel channel = channel();
      HttpRequest get = request(HttpMethod.GET, "/status.json", null);
      get.headers().set(HttpHeaderNames.HOST, host);
      channel.writeInbound(get);
      assertThat((Object) channel.readInbound()).as(host).isSameAs(get);
    }
  }

  @Test
  void anUndecodableRequestGets400AndTheConnectionCloses() {
    EmbeddedChannel channel = channel();
    HttpRequest broken = request(HttpMethod.GET, "/", null);
    broken.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("bad")));
    channel.writeInbound(broken);
    assertThat((Object) channel.readInbound()).isNull();
    assertRefused(channel, HttpResponseStatus.BAD_REQUEST);
  }

  @Test
  void garbageBytesAndAHugeHeaderThroughTheRealDecoderGet400() {
    for (String raw :
        new String[] {
          "\u0001\u0002garbage\r\n\r\n",
          "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n"
        }) {
      EmbeddedChannel channel =
          new EmbeddedChannel(
              new HttpServerCodec(),
              new RequestGate(policy, RequestGate.hostsFor("localhost.icanopee.net", "127.0.0.1"), 1024));
      channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
      Object passed = channel.readInbound();
      assertThat(passed).as("nothing is served").isNull();
      assertThat(channel.isOpen()).isFalse();
    }
  }

  @Test
  void ownPagesAreAllowedOnceThePortIsKnown() {
    assertThat(policy.allows("https://localhost.icanopee.net:9982")).isFalse();
    policy.allowOwnPages("localhost.icanopee.net", 9982);
    assertThat(policy.allows("https://localhost.icanopee.net:9982")).isTrue();
    assertThat(policy.allows("https://127.0.0.1:9982")).isTrue();
    assertThat(policy.allows("https://localhost.icanopee.net:9983")).isFalse();
    assertThat(policy.allows("https://a.example.com")).isTrue();
    assertThat(policy.isOwnPage("https://a.example.com")).isFalse();
    assertThat(policy.allowsLogAccess("https://a.example.com")).isFalse();
    assertThat(policy.allowsLogAccess("https://127.0.0.1:9982")).isTrue();
  }

  @Test
  void logOriginsMustAlsoBeAllowed() {
    OriginPolicy withLogs =
        new OriginPolicy(
            List.of(AllowedOrigin.parse("https://*.example.com")),
            List.of(AllowedOrigin.parse("https://support.example.com"), AllowedOrigin.parse("https://other.test")));
    assertThat(withLogs.allowsLogAccess("https://support.example.com")).isTrue();
    assertThat(withLogs.allowsLogAccess("https://app.example.com")).isFalse();
    assertThat(withLogs.allowsLogAccess("https://other.test")).as("not an allowed origin").isFalse();
  }

  private static FullHttpResponse assertRefused(EmbeddedChannel channel, HttpResponseStatus status) {
    FullHttpResponse response = channel.readOutbound();
    assertThat(response).isNotNull();
    assertThat(response.status()).isEqualTo(status);
    assertThat(channel.isOpen()).as("the connection closes").isFalse();
    response.release();
    return response;
  }

  private static HttpRequest upgrade(String origin) {
    HttpRequest request = request(HttpMethod.GET, "/", origin);
    request.headers().set(HttpHeaderNames.UPGRADE, "websocket").set(HttpHeaderNames.CONNECTION, "Upgrade");
    return request;
  }

  private static HttpRequest request(HttpMethod method, String uri, String origin) {
    HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, uri);
    request.headers().set(HttpHeaderNames.HOST, HOST);
    if (origin != null) {
      request.headers().set(HttpHeaderNames.ORIGIN, origin);
    }
    return request;
  }
}
