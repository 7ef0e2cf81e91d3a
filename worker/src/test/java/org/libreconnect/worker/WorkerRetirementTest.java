package org.libreconnect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkMessages;

@Timeout(value = 15, unit = TimeUnit.SECONDS)
class WorkerRetirementTest {

  @Test
  void tellsTheMasterThenExitsWith75OnceTheCommandsInProgressAnswered() throws Exception {
    InMemoryLinkPeer peer = new InMemoryLinkPeer();
    CommandActivity activity = new CommandActivity();
    List<Integer> exits = new CopyOnWriteArrayList<>();
    WorkerRetirement retirement = new WorkerRetirement(peer, new WireJson(), activity, exits::add);

    activity.started();
    retirement.request("PC/SC restarted");
    retirement.request("again");

    LinkFrame notice =
        peer.await(f -> f.kind() == LinkFrame.Kind.REQUEST, 1, Duration.ofSeconds(2)).getFirst();
    assertThat(notice.payload()).contains(LinkMessages.RETIRE).contains("PC/SC restarted");
    Thread.sleep(300);
    assertThat(exits).as("still answering a command").isEmpty();

    activity.finished();
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (exits.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(exits).containsExactly(LinkMessages.EXIT_REPLACE_ME);
    assertThat(peer.sent(f -> f.kind() == LinkFrame.Kind.REQUEST)).hasSize(1);
  }
}
