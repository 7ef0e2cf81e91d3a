package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.ConnectorProcess;
import org.libreconnect.testsupport.RawTls;
import org.libreconnect.testsupport.WrittenLogs;

/**
 * The connector's own costs in simulation mode, interleaved so that both sides of each comparison
 * see the same machine load: one command over a new WebSocket against a bare TLS handshake to the
 * same port, with a browser's TLS library ({@link BrowserClient}) and again with the JDK's
 * clients; {@code hl_openSession} for an application that has its worker and for a new
 * application taking the pre-started worker; worker JVM start to ready (from the master's log);
 * the resident memory of the idle master and of an idle worker.
 *
 * <pre>./mvnw -B verify -pl benchmarks -Dit.test=ConnectorLatencyBenchmark [-Pbench]</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class ConnectorLatencyBenchmark {
  private static final String ORIGIN = ConnectorFixture.APP_ORIGIN;
  private static final int SAMPLES = Figures.samples(30, 400);
  private static final int NEW_APPLICATIONS = Figures.samples(2, 15);
  private static final int WARM_UP = Figures.warmUp(150, 1000);
  private static final java.time.Duration PRE_STARTED_IDLE = java.time.Duration.ofSeconds(1);
  private static final Pattern START =
      Pattern.compile("^(\\S+) .*worker\\.start worker=(\\d+) pid=\\d+ classes=(\\S+) ");
  private static final Pattern READY = Pattern.compile("^(\\S+) .*worker\\.ready worker=(\\d+) ");

  @TempDir static Path home;
  private String jars;
  private ConnectorFixture fixture;
  private final Figures figures = new Figures("connector-latency");

  @BeforeAll
  void start() throws Exception {
    // jars only, as in a distribution: workers then share their classes through the archive
    jars =
        java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(entry -> entry.endsWith(".jar"))
            .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    Files.createDirectories(home);
    Files.writeString(home.resolve("libreconnect.xml"), ConnectorProcess.config(1, ORIGIN));
    fixture = new ConnectorFixture(ConnectorProcess.start(home, jars, Map.of()));
  }

  @AfterAll
  void stop() throws Exception {
    try {
      fixture.close();
    } finally {
      figures.close();
    }
  }

  @Test
  @Order(2)
  void commandOverANewWebSocketAgainstABareHandshakeAndOpenSession() throws Exception {
    String anchor = fixture.openSession("bench-same");
    PoolSettled.await(fixture.client);
    BrowserClient browser = new BrowserClient(fixture.connector.caCertificate(), fixture.connector.port(), ORIGIN);
    RawTls jdkTls = new RawTls(fixture.connector.caCertificate(), fixture.connector.port());
    String exists = "{\"s_commandName\":\"hl_sessionExists\",\"s_sessionId\":\"" + anchor + "\"}";
    List<Double> handshakes = new ArrayList<>();
    List<Double> commands = new ArrayList<>();
    List<Double> jdkHandshakes = new ArrayList<>();
    List<Double> jdkCommands = new ArrayList<>();
    List<Double> opens = new ArrayList<>();
    List<Double> coldCommands = new ArrayList<>();
    List<List<Double>> phases = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < SAMPLES + WARM_UP; i++) {
      long t = System.nanoTime();
      try (SSLSocket socket = browser.handshake()) {
        assertThat(socket.getSession().isValid()).isTrue();
      }
      double handshake = Figures.since(t);
      t = System.nanoTime();
      JsonNode answer = browser.call(exists);
      double command = Figures.since(t);
      assertThat(answer.path("i_sessionExists").asInt()).as(answer.toString()).isEqualTo(1);
      BrowserClient.Phases phased = browser.timedCall(exists);
      assertThat(phased.answer().path("i_sessionExists").asInt()).as(phased.answer().toString()).isEqualTo(1);
      t = System.nanoTime();
      try (SSLSocket socket = jdkTls.open()) {
        assertThat(socket.getSession().isValid()).isTrue();
      }
      double jdkHandshake = Figures.since(t);
      t = System.nanoTime();
      answer = fixture.call(exists);
      double jdkCommand = Figures.since(t);
      assertThat(answer.path("i_sessionExists").asInt()).as(answer.toString()).isEqualTo(1);
      t = System.nanoTime();
      String opened = fixture.openSession("bench-same");
      double open = Figures.since(t);
      fixture.call("{\"s_commandName\":\"hl_closeSession\",\"s_sessionId\":\"" + opened + "\"}");
      if (i < Figures.COLD) {
        coldCommands.add(command);
      }
      if (i >= WARM_UP) {
        handshakes.add(handshake);
        commands.add(command);
        jdkHandshakes.add(jdkHandshake);
        jdkCommands.add(jdkCommand);
        opens.add(open);
        phases.get(0).add(phased.handshake());
        phases.get(1).add(phased.upgrade());
        phases.get(2).add(phased.command());
        phases.get(3).add(phased.close());
      }
    }
    Figures.Figure bare = figures.latency("bare TLS handshake to the connector's port", handshakes);
    Figures.Figure one = figures.latency("one command (hl_sessionExists) over a new WebSocket", commands);
    figures.ratio("one command over a new WebSocket / bare TLS handshake (target <= 1.2)", one, bare);
    // Where the difference goes: after the handshake, two round trips (upgrade, command).
    figures.latency("the same, timed by phase: TCP connection and TLS handshake", phases.get(0));
    figures.latency("the same, timed by phase: upgrade (request written to 101 read)", phases.get(1));
    figures.latency("the same, timed by phase: command (frame written to answer read)", phases.get(2));
    figures.latency("the same, timed by phase: close (close frame, close_notify)", phases.get(3));
    Figures.Figure jdkBare = figures.latency("bare TLS handshake, the JDK's TLS client", jdkHandshakes);
    Figures.Figure jdkOne = figures.latency("one command over a new WebSocket, java.net.http client", jdkCommands);
    figures.ratio("the same two with the JDK's clients", jdkOne, jdkBare);
    figures.latency("one command over a new WebSocket, the first " + Figures.COLD + " after start (JIT warming)",
        coldCommands);
    figures.latency("hl_openSession, application that has its worker, new WebSocket", opens);
  }

  @Test
  @Order(3)
  void openSessionForNewApplicationsOnThePreStartedWorker() throws Exception {
    List<Double> opens = new ArrayList<>();
    List<Double> firstCommands = new ArrayList<>();
    for (int i = 0; i < NEW_APPLICATIONS; i++) {
      PoolSettled.await(fixture.client);
      // An application arrives some time after its worker was pre-started, not in the same
      // instant: the worker has then also done its background preparation (the simulated card's
      // material, WarmUp), which a new application meeting a just-started worker waits for.
      Thread.sleep(PRE_STARTED_IDLE.toMillis());
      long t = System.nanoTime();
      String session = fixture.openSession("bench-new-" + i);
      opens.add(Figures.since(t));
      // the worker's first command, which pays its class loading
      t = System.nanoTime();
      JsonNode readers = fixture.call("{\"s_commandName\":\"hl_getPcscReaders\",\"s_sessionId\":\"" + session + "\"}");
      assertThat(readers.path("s_status").asText()).as(readers.toString()).isEqualTo("OK");
      double firstCommand = Figures.since(t);
      firstCommands.add(firstCommand);
      fixture.call("{\"s_commandName\":\"hl_closeSession\",\"s_sessionId\":\"" + session + "\"}");
    }
    figures.latency("hl_openSession, new application on a pre-started worker idle for "
        + PRE_STARTED_IDLE.toMillis() + " ms", opens);
    figures.latency("first command on that worker (hl_getPcscReaders)", firstCommands);
    PoolSettled.await(fixture.client);
    // by what each worker started with: the AOT cache once the first worker trained it (JDK 25),
    // the dynamic archive before that, nothing for the trainer itself
    Map<String, List<Double>> starts = workerStarts(OffsetDateTime.MIN);
    starts.forEach((classes, millis) ->
        figures.latency("worker JVM started -> link hello, classes=" + classes, millis));
    System.out.println("benchmark connector-latency class data present: AOT cache "
        + Files.isRegularFile(home.resolve("data").resolve("worker.aot")) + ", dynamic archive "
        + Files.isRegularFile(home.resolve("data").resolve("worker-classes.jsa")));
  }

  /**
   * Worker starts once the master was restarted: the worker that trained the AOT cache (JDK 25)
   * writes it when the first master stops it, and the next master's workers map it.
   */
  @Test
  @Order(9)
  void workerStartsAfterARestart() throws Exception {
    fixture.close();
    OffsetDateTime restart = OffsetDateTime.now();
    fixture = new ConnectorFixture(ConnectorProcess.start(home, jars, Map.of()));
    for (int i = 0; i < NEW_APPLICATIONS; i++) {
      PoolSettled.await(fixture.client);
      Thread.sleep(PRE_STARTED_IDLE.toMillis());
      String session = fixture.openSession("bench-restart-" + i);
      fixture.call("{\"s_commandName\":\"hl_closeSession\",\"s_sessionId\":\"" + session + "\"}");
    }
    PoolSettled.await(fixture.client);
    workerStarts(restart).forEach((classes, millis) ->
        figures.latency("worker JVM started -> link hello after a restart, classes=" + classes, millis));
  }

  @Test
  @Order(1)
  void residentMemoryWhenIdle() throws Exception {
    PoolSettled.await(fixture.client);
    // an idle pre-started worker has rehearsed (which loads the DMP stack) and trimmed its heap
    Rehearsals.await(home, 1);
    Thread.sleep(3000);
    List<Double> master = new ArrayList<>();
    List<Double> workers = new ArrayList<>();
    List<Double> workersPss = new ArrayList<>();
    master.add(megabytes(fixture.connector.pid(), "status", "VmRSS:"));
    for (JsonNode worker : fixture.status().path("workers")) {
      if (worker.path("assignedTo").asText().startsWith("(idle") && worker.path("state").asText().equals("READY")) {
        workers.add(megabytes(worker.path("pid").asLong(), "status", "VmRSS:"));
        workersPss.add(megabytes(worker.path("pid").asLong(), "smaps_rollup", "Pss:"));
      }
    }
    assertThat(workers).isNotEmpty();
    figures.measure("RSS of the idle master (no session)", "MB", master);
    figures.measure("RSS of an idle pre-started worker, after its rehearsals", "MB", workers);
    figures.measure("PSS of that worker (its share of pages shared with other processes)", "MB", workersPss);
  }

  /** A {@code /proc/<pid>/<file>} line's value ({@code VmRSS:}, {@code Pss:}), in MB. */
  static double megabytes(long pid, String file, String key) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
      if (line.startsWith(key)) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IOException("no " + key + " for " + pid);
  }

  /** Each worker started after {@code since}: its start-to-ready time from the master's service log, by its class data. */
  private Map<String, List<Double>> workerStarts(OffsetDateTime since) throws IOException, InterruptedException {
    Map<String, OffsetDateTime> started = new HashMap<>();
    Map<String, String> classes = new HashMap<>();
    Map<String, List<Double>> millis = new java.util.TreeMap<>();
    for (String line : WrittenLogs.read(home.resolve("logs").resolve("service.log")).lines().toList()) {
      Matcher start = START.matcher(line);
      if (start.find() && !OffsetDateTime.parse(start.group(1)).isBefore(since)) {
        started.put(start.group(2), OffsetDateTime.parse(start.group(1)));
        classes.put(start.group(2), start.group(3));
        continue;
      }
      Matcher ready = READY.matcher(line);
      if (ready.find() && started.containsKey(ready.group(2))) {
        OffsetDateTime from = started.remove(ready.group(2));
        millis.computeIfAbsent(classes.get(ready.group(2)), k -> new ArrayList<>())
            .add(java.time.Duration.between(from, OffsetDateTime.parse(ready.group(1))).toNanos() / 1e6);
      }
    }
    return millis;
  }
}
