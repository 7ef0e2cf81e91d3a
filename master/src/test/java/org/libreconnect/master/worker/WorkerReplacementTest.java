package org.libreconnect.master.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkFrame.Kind;

/**
 * A worker that asks to be replaced hands its requests and monitoring streams to a successor; a
 * crashed one still fails them with a clear error. Worker processes and links are fakes.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WorkerReplacementTest {
  private final List<WorkerHandle> launched = new ArrayList<>();
  private final List<FakeProcess> processes = new ArrayList<>();
  private final List<WorkerHandle[]> transfers = new CopyOnWriteArrayList<>();
  private final WorkerPool pool =
      new WorkerPool(
          new WorkerFactory() {
            @Override
            public WorkerHandle create() {
              WorkerHandle worker = new WorkerHandle(launched.size() + 1, Path.of("logs"), Instant.now());
              launched.add(worker);
              return worker;
            }

            @Override
            public void start(WorkerHandle worker) {
              FakeProcess process = new FakeProcess();
              processes.add(process);
              worker.attach(process);
              process.onExit().thenAccept(p -> worker.exited(p.exitValue()));
            }
          },
          new WorkerPool.Limits(8, 0, Duration.ZERO, Duration.ZERO),
          Runnable::run);

  {
    pool.transferSessionsWith(
        (replaced, successor) -> {
          transfers.add(new WorkerHandle[] {replaced, successor});
          return CompletableFuture.completedFuture(null);
        });
  }

  @Test
  void requestsWaitForTheSuccessorAndStreamsStartAgainThere() throws Exception {
    WorkerHandle first = pool.acquire(WorkerKey.of("https://a.test", "app", null, null), "s-1").getNow(null);
    assertThat(first).as("not ready yet").isNull();
    WorkerHandle old = launched.get(0);
    EmbeddedChannel oldLink = connect(old);

    RecordingListener stream = new RecordingListener();
    long streamId = old.request("s-1", "{\"s_commandName\":\"hl_startCpxCardMonitoring\"}", stream);
    old.onFrame(new LinkFrame(Kind.REPLY, streamId, "s-1", "{\"s_status\":\"OK\"}"));
    old.onFrame(new LinkFrame(Kind.REPLY, streamId, "s-1", "{\"i_cardStatus\":1}"));

    old.retire("PC/SC restarted");
    assertThat(old.state()).isEqualTo(WorkerHandle.State.RETIRING);
    assertThat(launched).hasSize(2);
    WorkerHandle successor = launched.get(1);
    assertThat(successor.sessions()).containsExactly("s-1");
    assertThat(successor.key()).isEqualTo(old.key());

    RecordingListener waiting = new RecordingListener();
    old.request("s-1", "{\"s_commandName\":\"hl_getPcscReaders\"}", waiting);
    assertThat(oldLink.outboundMessages()).as("nothing more for the retiring worker").hasSize(1);

    EmbeddedChannel newLink = connect(successor);
    assertThat(transfers).hasSize(1);
    LinkFrame forwarded = next(newLink);
    assertThat(forwarded.payload()).contains("hl_getPcscReaders");
    successor.onFrame(new LinkFrame(Kind.FINAL, forwarded.id(), "s-1", "{\"s_status\":\"OK\",\"Readers\":[]}"));
    assertThat(waiting.replies).containsExactly("{\"s_status\":\"OK\",\"Readers\":[]}");

    oldProcess(0).exit(75);
    LinkFrame restarted = next(newLink);
    assertThat(restarted.payload()).contains("hl_startCpxCardMonitoring");
    successor.onFrame(new LinkFrame(Kind.REPLY, restarted.id(), "s-1", "{\"s_status\":\"OK\"}"));
    successor.onFrame(new LinkFrame(Kind.REPLY, restarted.id(), "s-1", "{\"i_cardStatus\":7}"));
    assertThat(stream.replies)
        .as("one acknowledgement in all")
        .containsExactly("{\"s_status\":\"OK\"}", "{\"i_cardStatus\":1}", "{\"i_cardStatus\":7}");
    assertThat(stream.failures).isEmpty();
    assertThat(old.state()).isEqualTo(WorkerHandle.State.GONE);

    old.cancel(streamId);
    LinkFrame cancel = next(newLink);
    assertThat(cancel.kind()).isEqualTo(Kind.CANCEL);
    assertThat(cancel.id()).isEqualTo(restarted.id());
  }

  @Test
  void exitStatus75AloneAlsoGetsASuccessor() {
    pool.acquire(WorkerKey.of("https://a.test", "app", null, null), "s-1");
    WorkerHandle old = launched.get(0);
    connect(old);
    oldProcess(0).exit(75);
    old.exited(75);
    assertThat(launched).hasSize(2);
    assertThat(launched.get(1).sessions()).containsExactly("s-1");
  }

  @Test
  void aCrashedWorkerStillFailsItsRequestsClearly() {
    pool.acquire(WorkerKey.of("https://a.test", "app", null, null), "s-1");
    WorkerHandle crashed = launched.get(0);
    connect(crashed);
    RecordingListener inFlight = new RecordingListener();
    crashed.request("s-1", "{\"s_commandName\":\"hl_readCpxCard\"}", inFlight);

    crashed.exited(137);

    assertThat(launched).as("no successor for a crash").hasSize(1);
    assertThat(inFlight.failures).singleElement().satisfies(
        failure -> assertThat(failure.getMessage()).contains("SIGKILL").contains("open a new session"));
    RecordingListener later = new RecordingListener();
    crashed.request("s-1", "{}", later);
    assertThat(later.failures).singleElement().satisfies(
        failure -> assertThat(failure).isInstanceOf(WorkerLostException.class));
  }

  private FakeProcess oldProcess(int index) {
    return processes.get(index);
  }

  private static EmbeddedChannel connect(WorkerHandle worker) {
    EmbeddedChannel channel = new EmbeddedChannel();
    worker.linkEstablished(channel);
    return channel;
  }

  private static LinkFrame next(EmbeddedChannel channel) {
    channel.runPendingTasks();
    LinkFrame frame = channel.readOutbound();
    assertThat(frame).as("a frame sent on the link").isNotNull();
    return frame;
  }
}
