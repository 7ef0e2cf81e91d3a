package org.libreconnect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.protocol.command.NoInput;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkFrame.Kind;

/** Commands of one session run one at a time in arrival order; sessions run in parallel. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SessionQueueTest {
  public record NumberInput(@JsonProperty("i_n") Integer n) {}

  @TempDir Path dir;
  private final CountDownLatch blocked = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> handlerThreads = Collections.synchronizedList(new ArrayList<>());
  private WorkerHarness worker;

  @BeforeEach
  void start() throws Exception {
    worker =
        new WorkerHarness(
            dir,
            table ->
                table
                    .single("test_block", NoInput.class, (session, input) -> block(session))
                    .single(
                        "test_note",
                        NumberInput.class,
                        (session, input) -> {
                          handlerThreads.add(Thread.currentThread());
                          events.add(session.sessionId() + ":" + input.n());
                          return null;
                        }),
            Duration.ofMillis(50),
            WorkerHarness.standardCatalogue()
                .worker("test_block", NoInput.class, Duration.ofSeconds(10))
                .worker("test_note", NumberInput.class, Duration.ofSeconds(10))
                .build());
    worker.openSession("A", "app");
    worker.openSession("B", "app");
  }

  @AfterEach
  void stop() {
    release.countDown();
    worker.close();
  }

  @Test
  void aBusySessionQueuesItsCommandsWhileAnotherSessionRuns() throws Exception {
    long a1 = worker.command("A", "{\"s_commandName\":\"test_block\"}");
    long a2 = worker.command("A", "{\"s_commandName\":\"test_note\",\"i_n\":2}");
    assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();

    long b1 = worker.command("B", "{\"s_commandName\":\"test_note\",\"i_n\":1}");
    var answer = worker.finalAnswer(b1);
    assertThat(answer.get("s_status").asText()).as(answer.toString()).isEqualTo("OK");
    Thread.sleep(200);
    assertThat(worker.framesOf(a2)).as("A's second command waits for its first").isEmpty();

    release.countDown();
    worker.finalAnswer(a2);
    assertThat(events).containsExactly("A:block-start", "B:1", "A:block-end", "A:2");
    List<Long> finals =
        worker.peer.sent(f -> f.kind() == Kind.FINAL).stream().map(LinkFrame::id).toList();
    assertThat(finals.indexOf(a1)).isLessThan(finals.indexOf(a2));
    assertThat(handlerThreads).doesNotContain(Thread.currentThread());
  }

  @Test
  void commandsOfOneSessionRunInArrivalOrder() throws Exception {
    List<Long> ids =
        IntStream.range(0, 200)
            .mapToObj(
                n -> worker.command("A", "{\"s_commandName\":\"test_note\",\"i_n\":" + n + "}"))
            .toList();

    worker.finalAnswer(ids.getLast());

    assertThat(events)
        .containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(n -> "A:" + n).toList());
  }

  private Object block(SessionContext session) {
    events.add(session.sessionId() + ":block-start");
    blocked.countDown();
    try {
      if (!release.await(8, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    events.add(session.sessionId() + ":block-end");
    return null;
  }
}
