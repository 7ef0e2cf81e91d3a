package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.it.CardSession.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.ConnectorProcess;
import org.libreconnect.testsupport.Js2Client;

/**
 * On the real stack (pcscd, the simulated card in a vpcd reader, reached through its CPS
 * commands), the latency a web page sees: card inserted until the monitoring event arrives on the
 * socket, and a whole {@code hl_signWithCpxCard} over a fresh WebSocket. Asserts only that every
 * sample succeeded.
 *
 * <pre>./mvnw -B verify -pl benchmarks -Dit.test=CardLatencyBenchmark [-Pbench]</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class CardLatencyBenchmark {
  private static final String ORIGIN = ConnectorFixture.APP_ORIGIN;
  private static final int SAMPLES = Figures.samples(5, 60);
  private static final int WARM_UP = Figures.full() ? 5 : 2;

  @TempDir static Path home;
  private VirtualCardStack stack;
  private ConnectorFixture fixture;
  private final Figures figures = new Figures("card-latency");

  @BeforeAll
  void start() throws Exception {
    stack = VirtualCardStack.start();
    stack.insertFreshCard();
    fixture = new ConnectorFixture(home, ConnectorProcess.config(1, false, null, ORIGIN));
  }

  @AfterAll
  void stop() throws Exception {
    try {
      fixture.close();
    } finally {
      try {
        stack.close();
      } finally {
        figures.close();
      }
    }
  }

  /**
   * Card inserted until the event on the socket, twice: from the vpcd insertion (pcscd's poll of
   * vpcd included) and from the PC/SC notification, which a PC/SC client of this JVM waiting on
   * the same reader receives from pcscd at the same moment as the worker; the second figure is
   * what the connector adds to PC/SC.
   */
  @Test
  void insertToEventOnTheSocket() throws Exception {
    CardSession session = CardSession.open(fixture.client, ORIGIN, "bench-events");
    PoolSettled.await(fixture.client);
    CardTerminal observer = TerminalFactory.getInstance("PC/SC", null).terminals().getTerminal(stack.readerName);
    assertThat(observer).as("the vpcd reader seen from this JVM").isNotNull();
    ExecutorService observing = Executors.newSingleThreadExecutor();
    List<Double> fromVpcd = new ArrayList<>();
    List<Double> fromPcsc = new ArrayList<>();
    try (Js2Client.Connection socket = fixture.client.connect(ORIGIN)) {
      socket.send("{\"s_commandName\":\"hl_startCpxCardMonitoring\",\"s_sessionId\":\"" + session.id + "\"}");
      assertThat(socket.next()).isEqualTo("{\"s_status\":\"OK\"}");
      assertThat(status(socket.next())).isEqualTo(1);
      for (int i = 0; i < SAMPLES + WARM_UP; i++) {
        stack.remove();
        assertThat(status(socket.next())).isEqualTo(2);
        Future<Long> notified = observing.submit(() -> {
          assertThat(observer.waitForCardPresent(30_000)).isTrue();
          return System.nanoTime();
        });
        Thread.sleep(100); // the observer is waiting in SCardGetStatusChange
        long inserted = System.nanoTime();
        stack.insert();
        assertThat(status(socket.next())).isEqualTo(1);
        long event = System.nanoTime();
        long pcsc = notified.get(30, TimeUnit.SECONDS);
        if (i >= WARM_UP) {
          fromVpcd.add((event - inserted) / 1e6);
          fromPcsc.add((event - pcsc) / 1e6);
        }
      }
    } finally {
      observing.shutdownNow();
    }
    figures.latency("card inserted in vpcd -> ValidCardInserted on the socket (pcscd poll included)", fromVpcd);
    figures.latency("PC/SC notification of the insertion -> ValidCardInserted on the socket (what the connector adds)", fromPcsc);
  }

  @Test
  void signOverAWebSocket() throws Exception {
    CardSession session = CardSession.open(fixture.client, ORIGIN, "bench-sign");
    assertOk(session.select(stack.readerName));
    PoolSettled.await(fixture.client);
    byte[] data = "VIHF".getBytes(StandardCharsets.UTF_8);
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < SAMPLES + WARM_UP; i++) {
      long sent = System.nanoTime();
      JsonNode answer = session.signString("1234", "VIHF");
      double elapsed = Figures.since(sent);
      CardSession.assertSignature(answer, data);
      if (i >= WARM_UP) {
        millis.add(elapsed);
      }
    }
    figures.latency("hl_signWithCpxCard, simulated card over pcscd, new WebSocket per command", millis);
  }

  private int status(String frame) throws Exception {
    return fixture.client.mapper().readTree(frame).path("i_cardStatus").asInt();
  }
}
