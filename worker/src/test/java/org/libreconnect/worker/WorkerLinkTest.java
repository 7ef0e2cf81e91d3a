package org.libreconnect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.protocol.ProductVersion;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkFrame.Kind;
import org.libreconnect.protocol.link.LinkMessages;
import org.libreconnect.protocol.link.MalformedLinkFrameException;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WorkerLinkTest {
  @TempDir Path dir;

  @Test
  void helloCarriesTheTokenThePidAndTheVersion() throws Exception {
    try (WorkerHarness worker = new WorkerHarness(dir)) {
      WorkerLink link =
          new WorkerLink(worker.peer, worker.dispatcher, worker.wire, worker.exits::add);

      link.sendHello("c0ffee", 4242);

      LinkFrame hello = worker.peer.sent().getFirst();
      assertThat(hello.kind()).isEqualTo(Kind.HELLO);
      assertThat(hello.id()).isZero();
      ObjectNode payload = worker.wire.readObject(hello.payload());
      assertThat(payload.get("token").asText()).isEqualTo("c0ffee");
      assertThat(payload.get("pid").asLong()).isEqualTo(4242);
      assertThat(payload.get("version").asText()).isEqualTo(ProductVersion.current());
    }
  }

  @Test
  void theReaderServesFramesUntilTheLinkEndsThenExitsWithZero() throws Exception {
    try (WorkerHarness worker = new WorkerHarness(dir)) {
      WorkerLink link =
          new WorkerLink(worker.peer, worker.dispatcher, worker.wire, worker.exits::add);
      String open = worker.wire.write(new LinkMessages.SessionOpened("s-1", "a", "u", "d", "o"));
      worker.peer.deliver(new LinkFrame(Kind.REQUEST, 1, "s-1", open));
      worker.peer.endOfStream();

      link.readLoop();

      assertThat(worker.finalAnswer(1).get("s_status").asText()).isEqualTo("OK");
      assertThat(worker.exits).containsExactly(0);
    }
  }

  @Test
  void aBrokenLinkAlsoEndsTheProcess() throws Exception {
    try (WorkerHarness worker = new WorkerHarness(dir)) {
      List<Integer> exits = new CopyOnWriteArrayList<>();
      LinkPeer broken =
          new LinkPeer() {
            @Override
            public void send(LinkFrame frame) {}

            @Override
            public LinkFrame receive() {
              throw new MalformedLinkFrameException("unknown frame kind 99");
            }

            @Override
            public void close() throws IOException {}
          };

      new WorkerLink(broken, worker.dispatcher, new WireJson(), exits::add).readLoop();

      assertThat(exits).containsExactly(0);
    }
  }
}
