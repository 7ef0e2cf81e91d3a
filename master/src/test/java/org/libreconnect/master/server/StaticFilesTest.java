package org.libreconnect.master.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFilesTest {
  private static final String CA_PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

  @TempDir Path tls;

  @Test
  void servesThePageTheLibraryAndTheStylesWithTheirTypes() {
    StaticFiles files = files();
    FullHttpResponse page = get(files, "/examples/");
    assertThat(page.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(page.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/html; charset=utf-8");
    assertThat(body(page)).contains("<script type=\"module\" src=\"examples.js\"></script>");
    assertThat(page.headers().get(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("no-store");
    assertThat(page.headers().get("Content-Security-Policy"))
        .contains("script-src 'self'")
        .contains("wss://localhost.icanopee.net:*")
        .doesNotContain("unsafe");

    FullHttpResponse script = get(files, "/examples/examples.js");
    assertThat(script.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/javascript; charset=utf-8");
    FullHttpResponse library = get(files, "/examples/client/index.js");
    assertThat(library.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(body(library)).contains("LibreConnectClient");
    FullHttpResponse styles = get(files, "/examples/examples.css");
    assertThat(styles.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/css; charset=utf-8");
  }

  @Test
  void theFolderWithoutItsSlashRedirects() {
    FullHttpResponse response = get(files(), "/examples");
    assertThat(response.status()).isEqualTo(HttpResponseStatus.MOVED_PERMANENTLY);
    assertThat(response.headers().get(HttpHeaderNames.LOCATION)).isEqualTo("/examples/");
  }

  @Test
  void traversalAndHiddenOrUnknownNamesAre404() {
    StaticFiles files = files();
    for (String uri :
        new String[] {
          "/examples/../MasterMain.class",
          "/examples/%2e%2e/%2e%2e/org/libreconnect/master/MasterMain.class",
          "/examples/client/../../examples.js",
          "/examples/..%2fexamples.js",
          "/examples/.hidden.js",
          "/examples//examples.js",
          "/examples/examples.js/",
          "/examples/a\\b.js",
          "/examples/client/index.JS.class",
          "/examples/missing.html",
          "/examples/index",
          "/examples/examples.js%00.html",
        }) {
      FullHttpResponse response = get(files, uri);
      assertThat(response.status()).as(uri).isEqualTo(HttpResponseStatus.NOT_FOUND);
      assertThat(body(response)).as(uri).isEqualTo("Not found\n");
    }
  }

  @Test
  void theCaCertificateIsADownload() throws Exception {
    Files.writeString(tls.resolve("ca.crt"), CA_PEM);
    FullHttpResponse response = get(files(), "/ca.crt");
    assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/x-x509-ca-cert");
    assertThat(response.headers().get("Content-Disposition")).isEqualTo("attachment; filename=\"libreconnect-ca.crt\"");
    assertThat(response.headers().get(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("no-store");
    assertThat(body(response)).isEqualTo(CA_PEM);
  }

  @Test
  void aMissingCaCertificateIs404() {
    assertThat(get(files(), "/ca.crt").status()).isEqualTo(HttpResponseStatus.NOT_FOUND);
  }

  @Test
  void onlyItsOwnPathsAreHandled() {
    StaticFiles files = files();
    assertThat(files.handles("/ca.crt")).isTrue();
    assertThat(files.handles("/examples/x.js")).isTrue();
    assertThat(files.handles("/")).isFalse();
    assertThat(files.handles("/health")).isFalse();
    assertThat(files.handles("/examplesx")).isFalse();
    assertThat(files.handles("/ca.crt/")).isFalse();
  }

  @Test
  void filesAreReadOffTheEventLoopAndAPageOnlyOnce() throws Exception {
    Files.writeString(tls.resolve("ca.crt"), CA_PEM);
    Deque<Runnable> reads = new ArrayDeque<>();
    StaticFiles files = new StaticFiles(StaticFilesTest.class.getClassLoader(), tls.resolve("ca.crt"),
        "localhost.icanopee.net", reads::add);
    for (String uri : new String[] {"/ca.crt", "/examples/examples.css", "/examples/missing.js"}) {
      EmbeddedChannel channel = channel(files);
      channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri));
      assertThat((Object) channel.readOutbound()).as(uri + ": nothing answered on the event loop").isNull();
      assertThat(reads).as(uri).hasSize(1);
      reads.poll().run();
      FullHttpResponse response = channel.readOutbound();
      assertThat(response).as(uri + ": answered from the reading thread").isNotNull();
      assertThat(response.status().code()).as(uri).isEqualTo(uri.contains("missing") ? 404 : 200);
      response.release();
      channel.finishAndReleaseAll();
    }
    // A page read once is answered from memory; a missing name is read again (not remembered).
    EmbeddedChannel again = channel(files);
    again.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/examples/examples.css"));
    FullHttpResponse cached = again.readOutbound();
    assertThat(cached.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(reads).isEmpty();
    cached.release();
    again.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/examples/missing.js"));
    assertThat(reads).hasSize(1);
    again.finishAndReleaseAll();
  }

  private StaticFiles files() {
    return new StaticFiles(StaticFilesTest.class.getClassLoader(), tls.resolve("ca.crt"), "localhost.icanopee.net",
        Runnable::run);
  }

  /** Sends one GET through an EmbeddedChannel, the way PageHandler hands it over. */
  private static FullHttpResponse get(StaticFiles files, String uri) {
    EmbeddedChannel channel = channel(files);
    channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri));
    FullHttpResponse response = channel.readOutbound();
    assertThat(response).as(uri).isNotNull();
    channel.finishAndReleaseAll();
    return response;
  }

  private static EmbeddedChannel channel(StaticFiles files) {
    return new EmbeddedChannel(
        new SimpleChannelInboundHandler<FullHttpRequest>() {
          @Override
          protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            files.serve(ctx, request, new QueryStringDecoder(request.uri()).path());
          }
        });
  }

  private static String body(FullHttpResponse response) {
    String text = response.content().toString(StandardCharsets.UTF_8);
    response.release();
    return text;
  }
}
