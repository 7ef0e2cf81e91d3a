package org.libreconnect.master.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.libreconnect.master.route.CommandRouter;
import org.libreconnect.master.session.SessionRegistry;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.protocol.error.ErrorMapper;

class WebSocketCommandHandlerTest {
  private final WireJson json = new WireJson();
  private final CommandRouter router =
      new CommandRouter(json, new ErrorMapper(), CommandCatalogue.standard(), new SessionRegistry(), null,
          Clock.systemUTC());

  private EmbeddedChannel channel() {
    return new EmbeddedChannel(new WebSocketCommandHandler(router, json, new ErrorMapper(), 1024));
  }

  @Test
  void anEmptyCloseIsAnsweredWith1000() {
    EmbeddedChannel channel = channel();
    channel.writeInbound(new CloseWebSocketFrame());
    CloseWebSocketFrame echo = channel.readOutbound();
    assertThat(echo.statusCode()).isEqualTo(1000);
    assertThat(channel.isOpen()).isFalse();
    echo.release();
  }

  @Test
  void eachTextFrameGetsOneAnswerOnTheSameSocket() {
    EmbeddedChannel channel = channel();
    channel.writeInbound(new TextWebSocketFrame("{\"s_commandName\":\"hl_nope\"}"));
    channel.writeInbound(new TextWebSocketFrame("{\"s_commandName\":\"hl_getSessionData\"}"));
    TextWebSocketFrame unknown = channel.readOutbound();
    TextWebSocketFrame noSession = channel.readOutbound();
    assertThat(unknown.text()).contains("\"i_apiErrorCode\":2").contains("Unknown command")
        .doesNotContain("hl_nope");
    assertThat(noSession.text()).contains("\"i_apiErrorCode\":3").contains("\"s_apiErrorContext\":\"hl_getSessionData\"");
    assertThat(channel.isOpen()).isTrue();
    unknown.release();
    noSession.release();
  }

  @Test
  void binaryFramesAreRefusedWithAJs2Error() {
    EmbeddedChannel channel = channel();
    channel.writeInbound(new BinaryWebSocketFrame());
    TextWebSocketFrame answer = channel.readOutbound();
    assertThat(answer.text()).contains("\"i_apiErrorType\":6000").contains("Binary frames");
    answer.release();
  }

  @Test
  void oversizeMessageGetsAnErrorBeforeANormalClose() {
    EmbeddedChannel channel = channel();
    channel.pipeline().fireExceptionCaught(new TooLongFrameException("too long"));
    TextWebSocketFrame answer = channel.readOutbound();
    assertThat(answer.text()).contains("\"i_apiErrorCode\":2").contains("limit of 1024 bytes");
    CloseWebSocketFrame close = channel.readOutbound();
    assertThat(close.statusCode()).isEqualTo(1000);
    // The client gets a moment to answer the close before the connection is dropped.
    assertThat(channel.isOpen()).isTrue();
    channel.advanceTimeBy(3, java.util.concurrent.TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(channel.isOpen()).isFalse();
    answer.release();
    close.release();
  }

  @Test
  void theClientsAnswerToOurCloseEndsTheConnectionAtOnce() {
    EmbeddedChannel channel = channel();
    channel.pipeline().fireExceptionCaught(new TooLongFrameException("too long"));
    ((TextWebSocketFrame) channel.readOutbound()).release();
    ((CloseWebSocketFrame) channel.readOutbound()).release();
    channel.writeInbound(new CloseWebSocketFrame(1000, ""));
    assertThat((Object) channel.readOutbound()).isNull();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void aSilentSocketIsClosedWith1000AfterTheIdleTimeout() {
    EmbeddedChannel channel =
        new EmbeddedChannel(
            new WebSocketCommandHandler(router, json, new ErrorMapper(), 1024, java.time.Duration.ofSeconds(120)));
    channel.pipeline().fireUserEventTriggered(
        new io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete(
            "/", new io.netty.handler.codec.http.DefaultHttpHeaders(), null));
    channel.advanceTimeBy(119, java.util.concurrent.TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat((Object) channel.readOutbound()).isNull();
    channel.advanceTimeBy(2, java.util.concurrent.TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    CloseWebSocketFrame close = channel.readOutbound();
    assertThat(close.statusCode()).isEqualTo(1000);
    close.release();
  }
}
