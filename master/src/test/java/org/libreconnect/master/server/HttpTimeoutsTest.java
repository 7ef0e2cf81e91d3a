package org.libreconnect.master.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpTimeoutsTest {
  private final EmbeddedChannel channel =
      new EmbeddedChannel(new HttpTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(120)));

  @Test
  void aSilentConnectionIsClosed() {
    advance(149);
    assertThat(channel.isOpen()).isTrue();
    advance(2);
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void aRequestTrickledSlowerThanTheRequestTimeoutIsCutOff() {
    channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/x"));
    advance(29);
    assertThat(channel.isOpen()).isTrue();
    advance(2);
    assertThat(channel.isOpen()).as("the body never completed").isFalse();
  }

  @Test
  void aCompleteRequestWaitsForItsAnswerThenIdleTimeAppliesAgain() {
    channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));
    channel.writeInbound(LastHttpContent.EMPTY_LAST_CONTENT);
    advance(600);
    assertThat(channel.isOpen()).as("a command may take long: the server answers").isTrue();
    channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
    advance(119);
    assertThat(channel.isOpen()).isTrue();
    advance(2);
    assertThat(channel.isOpen()).isFalse();
  }

  private void advance(long seconds) {
    channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
  }
}
