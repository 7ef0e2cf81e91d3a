package org.libreconnect.master.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.libreconnect.master.session.Session;
import org.libreconnect.master.session.SessionRegistry;
import org.libreconnect.master.worker.FakeWorkers;
import org.libreconnect.master.worker.WorkerHandle;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.protocol.error.ErrorMapper;

class CommandRouterTest {
  private final WireJson json = new WireJson();
  private final SessionRegistry registry = new SessionRegistry();
  private final CommandRouter router =
      new CommandRouter(json, new ErrorMapper(), CommandCatalogue.standard(), registry, null,
          Clock.systemUTC());

  @Test
  void anUnknownCommandNameIsNeverEchoedWhateverItsSize() {
    String name = "hl_" + "x".repeat(12 * 1024 * 1024);
    Recording sink = new Recording();
    router.dispatch("{\"s_commandName\":\"" + name + "\"}", "https://a.test", sink);
    String answer = sink.frames.get(0);
    assertThat(answer.length()).isLessThan(1024);
    assertThat(answer).contains("Unknown command").doesNotContain("xxxxxxxx");
  }

  @Test
  void aSessionIdInAnErrorIsNeverEchoed() {
    Recording sink = new Recording();
    router.dispatch("{\"s_commandName\":\"hl_getSessionData\",\"s_sessionId\":\"secret-id-42\"}",
        "https://a.test", sink);
    assertThat(sink.frames.get(0)).contains("\"i_apiErrorCode\":3").doesNotContain("secret-id-42");
  }

  @Test
  void aCommandTheWorkerDoesNotAnswerGetsAClearErrorAtItsCatalogueDeadline() {
    FakeWorkers workers = new FakeWorkers();
    workers.answer = false;
    WorkerHandle worker = workers.create();
    workers.start(worker);
    registry.add(new Session("sid-1", "app", null, null, "https://a.test", Instant.now(),
        Duration.ofHours(1), worker, null));
    Recording sink = new Recording();
    router.dispatch("{\"s_commandName\":\"hl_getSessionLogsTail\",\"s_sessionId\":\"sid-1\"}",
        "https://a.test", sink);
    EmbeddedChannel link = workers.links.get(0);
    link.advanceTimeBy(5900, TimeUnit.MILLISECONDS); // the wrapper waits 4 s; the master 6 s
    link.runScheduledPendingTasks();
    assertThat(sink.frames).isEmpty();
    link.advanceTimeBy(200, TimeUnit.MILLISECONDS);
    link.runScheduledPendingTasks();
    assertThat(sink.frames).singleElement().satisfies(answer -> {
      assertThat(answer).contains("\"i_apiErrorCode\":1").contains("did not answer within 6 s");
      assertThat(answer).contains("\"s_apiErrorContext\":\"hl_getSessionLogsTail\"");
    });
  }

  private static final class Recording implements ReplySink {
    final List<String> frames = new CopyOnWriteArrayList<>();

    @Override
    public void send(String json, boolean last) {
      frames.add(json);
    }

    @Override
    public boolean supportsStreaming() {
      return true;
    }

    @Override
    public void endStream() {}

    @Override
    public void onClose(Runnable action) {}
  }
}
