package org.libreconnect.master.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {
  @Test
  void connectionsPastTheCapAreClosedAtOnceAndAClosedOneFreesItsPlace() {
    ConnectionLimiter limiter = new ConnectionLimiter(2);
    EmbeddedChannel first = new EmbeddedChannel(limiter);
    EmbeddedChannel second = new EmbeddedChannel(limiter);
    EmbeddedChannel third = new EmbeddedChannel(limiter);
    assertThat(first.isOpen()).isTrue();
    assertThat(second.isOpen()).isTrue();
    assertThat(third.isOpen()).isFalse();
    assertThat(limiter.refused()).isEqualTo(1);
    first.close();
    EmbeddedChannel fourth = new EmbeddedChannel(limiter);
    assertThat(fourth.isOpen()).isTrue();
  }
}
