package org.libreconnect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.link.LinkCodec;
import org.libreconnect.protocol.link.LinkMessages;
import org.libreconnect.protocol.link.LinkMessages.SessionOpened;

class WarmUpTest {
  @Test
  void theRehearsalGoesThroughTheFirstExchangeOnASampleAndKeepsNothing() {
    AtomicInteger commandThreadsUsed = new AtomicInteger();
    SessionOpened read;
    try (var threads = CommandThreads.create()) {
      read =
          WarmUp.rehearse(new WireJson(), new LinkCodec(1 << 20), task -> {
            commandThreadsUsed.incrementAndGet();
            threads.execute(task);
          });
    }

    assertThat(read.commandName()).isEqualTo(LinkMessages.OPEN_SESSION);
    assertThat(read.applicationId()).isEqualTo("warm-up");
    assertThat(read.origin()).isEqualTo("https://warm-up.invalid");
    assertThat(commandThreadsUsed).hasValue(1);
  }
}
