package org.libreconnect.master.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkMessages;

/** A worker asked to stop is told so on its link, once, whether its link came before or after. */
class WorkerStopTest {

  private static List<String> requests(EmbeddedChannel link) {
    List<String> payloads = new ArrayList<>();
    for (Object written; (written = link.readOutbound()) != null; ) {
      LinkFrame frame = (LinkFrame) written;
      if (frame.kind() == LinkFrame.Kind.REQUEST) {
        payloads.add(frame.payload());
      }
    }
    return payloads;
  }

  private static WorkerHandle started(FakeProcess process) {
    WorkerHandle worker = new WorkerHandle(1, Path.of("logs"), Instant.now());
    worker.attach(process);
    return worker;
  }

  @Test
  void aWorkerStoppedWhileStartingIsToldWhenItsLinkComesUp() {
    FakeProcess process = new FakeProcess();
    WorkerHandle worker = started(process);
    worker.shutdown("the master is stopping", Duration.ofSeconds(30));
    EmbeddedChannel link = new EmbeddedChannel();

    worker.linkEstablished(link);

    assertThat(requests(link)).singleElement().asString().contains(LinkMessages.SHUTDOWN);
    assertThat(worker.state()).isEqualTo(WorkerHandle.State.STOPPING);
    process.exit(0);
  }

  @Test
  void aWorkerStoppedOnceReadyIsToldOnce() {
    FakeProcess process = new FakeProcess();
    WorkerHandle worker = started(process);
    EmbeddedChannel link = new EmbeddedChannel();
    worker.linkEstablished(link);

    worker.shutdown("the master is stopping", Duration.ofSeconds(30));
    worker.shutdown("again", Duration.ofSeconds(30));

    assertThat(requests(link)).singleElement().asString().contains(LinkMessages.SHUTDOWN);
    process.exit(0);
  }

  @Test
  void aProcessStartedForAWorkerStoppedMeanwhileIsKilled() {
    WorkerHandle worker = new WorkerHandle(1, Path.of("logs"), Instant.now());
    worker.shutdown("the master is stopping", Duration.ofSeconds(30));
    assertThat(worker.state()).isEqualTo(WorkerHandle.State.GONE);
    FakeProcess process = new FakeProcess();

    assertThat(worker.attach(process)).isFalse();

    assertThat(process.onExit()).isDone();
    assertThat(process.exitValue()).as("killed: its JVM writes nothing as it exits").isEqualTo(137);
  }

  @Test
  void aProcessStartedBeforeTheStopIsAskedToExitNotKilled() {
    FakeProcess process = new FakeProcess();
    WorkerHandle worker = started(process);

    worker.shutdown("the master is stopping", Duration.ofSeconds(30));

    assertThat(process.onExit()).isNotDone();
    process.exit(0);
  }
}
