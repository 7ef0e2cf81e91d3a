package org.libreconnect.master.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;

class InFlightBytesTest {
  private final InFlightBytes budget = new InFlightBytes(1000);

  private EmbeddedChannel connection() {
    return new EmbeddedChannel(budget.counter(), budget.release());
  }

  @Test
  void theConnectionThatWouldExceedTheSharedBudgetIsClosed() {
    EmbeddedChannel first = connection();
    EmbeddedChannel second = connection();
    first.writeInbound(Unpooled.wrappedBuffer(new byte[600]));
    assertThat(budget.total()).isEqualTo(600);
    second.writeInbound(Unpooled.wrappedBuffer(new byte[600]));
    assertThat(second.isOpen()).isFalse();
    assertThat(first.isOpen()).isTrue();
    assertThat(budget.total()).isEqualTo(600);
  }

  @Test
  void aCompleteMessageOrAClosedConnectionGivesItsBytesBack() {
    EmbeddedChannel first = connection();
    first.writeInbound(Unpooled.wrappedBuffer(new byte[900]));
    first.pipeline().fireChannelRead(new TextWebSocketFrame("done"));
    assertThat(budget.total()).isZero();
    EmbeddedChannel second = connection();
    second.writeInbound(Unpooled.wrappedBuffer(new byte[900]));
    second.close();
    assertThat(budget.total()).isZero();
    first.finishAndReleaseAll();
  }
}
