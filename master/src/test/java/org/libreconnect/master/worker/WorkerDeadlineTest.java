package org.libreconnect.master.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkFrame.Kind;

/** A command past its deadline fails clearly; a worker that then ignores a probe is killed. */
class WorkerDeadlineTest {
  private final FakeProcess process = new FakeProcess();
  private final WorkerHandle worker =
      new WorkerHandle(1, process, java.nio.file.Path.of("logs"), java.time.Instant.now());
  private final EmbeddedChannel link = new EmbeddedChannel();

  {
    process.onExit().thenAccept(p -> worker.exited(p.exitValue()));
    worker.linkEstablished(link);
  }

  @Test
  void aLateAnswerIsDroppedAndTheClientGetsATechnicalError() {
    RecordingListener client = new RecordingListener();
    long id = worker.request("s-1", "{\"s_commandName\":\"hl_getSessionData\"}", client, Duration.ofSeconds(9));
    link.advanceTimeBy(9, TimeUnit.SECONDS);
    link.runScheduledPendingTasks();
    assertThat(client.failures).singleElement().satisfies(failure -> {
      assertThat(failure).isInstanceOf(WorkerTimeoutException.class);
      assertThat(failure.getMessage()).contains("did not answer within 9 s");
    });
    assertThat(worker.health()).isEqualTo(WorkerHandle.Health.SUSPECT);
    worker.onFrame(new LinkFrame(Kind.FINAL, id, "s-1", "{\"s_status\":\"OK\"}"));
    assertThat(client.replies).as("the late answer is not relayed").isEmpty();
  }

  @Test
  void aWorkerThatAnswersTheProbeIsKept() {
    worker.request("s-1", "{}", new RecordingListener(), Duration.ofSeconds(2));
    link.advanceTimeBy(2, TimeUnit.SECONDS);
    link.runScheduledPendingTasks();
    LinkFrame probe = lastRequest();
    assertThat(probe.payload()).contains("link.ping");
    worker.onFrame(new LinkFrame(Kind.FINAL, probe.id(), "", "{\"s_status\":\"OK\"}"));
    assertThat(worker.health()).isEqualTo(WorkerHandle.Health.OK);
    assertThat(worker.state()).isEqualTo(WorkerHandle.State.READY);
    assertThat(process.isAlive()).isTrue();
  }

  @Test
  void aWorkerThatIgnoresTheProbeIsKilledAndItsRequestsFail() {
    RecordingListener other = new RecordingListener();
    worker.request("s-2", "{}", other, null);
    worker.request("s-1", "{}", new RecordingListener(), Duration.ofSeconds(2));
    link.advanceTimeBy(2, TimeUnit.SECONDS);
    link.runScheduledPendingTasks();
    link.advanceTimeBy(WorkerHandle.PROBE_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    link.runScheduledPendingTasks();
    assertThat(worker.health()).isEqualTo(WorkerHandle.Health.UNRESPONSIVE);
    assertThat(worker.state()).isEqualTo(WorkerHandle.State.GONE);
    assertThat(process.isAlive()).as("killed").isFalse();
    assertThat(worker.goneReason()).contains("stopped answering");
    assertThat(other.failures).singleElement().satisfies(
        failure -> assertThat(failure.getMessage()).contains("stopped answering").contains("open a new session"));
  }

  @Test
  void aStreamHasADeadlineForItsAcknowledgementOnly() {
    RecordingListener stream = new RecordingListener();
    long id = worker.request("s-1", "{}", stream, Duration.ofSeconds(2));
    worker.onFrame(new LinkFrame(Kind.REPLY, id, "s-1", "{\"s_status\":\"OK\"}"));
    link.advanceTimeBy(1, TimeUnit.HOURS);
    link.runScheduledPendingTasks();
    worker.onFrame(new LinkFrame(Kind.REPLY, id, "s-1", "{\"i_cardStatus\":1}"));
    assertThat(stream.failures).isEmpty();
    assertThat(stream.replies).hasSize(2);
  }

  private LinkFrame lastRequest() {
    LinkFrame last = null;
    for (Object frame; (frame = link.readOutbound()) != null; ) {
      last = (LinkFrame) frame;
    }
    assertThat(last).isNotNull();
    return last;
  }
}
