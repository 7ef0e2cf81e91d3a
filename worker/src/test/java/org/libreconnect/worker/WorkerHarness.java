package org.libreconnect.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkFrame.Kind;
import org.libreconnect.protocol.link.LinkMessages;
import org.libreconnect.worker.data.PersistentDataStore;
import org.libreconnect.worker.handlers.DateHandlers;
import org.libreconnect.worker.handlers.LogTailHandler;
import org.libreconnect.worker.handlers.MonitoringHandlers;
import org.libreconnect.worker.handlers.PersistentDataHandlers;
import org.libreconnect.worker.handlers.SessionDataHandlers;
import org.libreconnect.worker.handlers.SessionStateHandler;

/**
 * A worker's dispatcher wired as in production, on an in-memory link; the test plays the master and
 * sends frames as the link reader would.
 */
public final class WorkerHarness implements AutoCloseable {
  /** "Today" for the date commands. */
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC);

  public static final long MAX_SESSION_DATA = 64;
  public static final long MAX_PERSISTENT_DATA = 32;
  public static final Duration TIMEOUT = Duration.ofSeconds(5);

  public final InMemoryLinkPeer peer = new InMemoryLinkPeer();
  public final WireJson wire = new WireJson();
  public final RecordingLogControl logs;
  public final List<Integer> exits = new CopyOnWriteArrayList<>();
  public final RequestDispatcher dispatcher;
  private final ExecutorService commandThreads = CommandThreads.create();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final AtomicLong ids = new AtomicLong();

  /** A worker with the standard handlers, a 50 ms dummy monitor, and its files in {@code dir}. */
  public WorkerHarness(Path dir) {
    this(dir, table -> {}, Duration.ofMillis(50), CommandCatalogue.standard());
  }

  /**
   * A worker with the standard handlers plus those {@code extra} adds, which may name the commands
   * {@code catalogue} adds to the standard ones.
   */
  public WorkerHarness(
      Path dir,
      Consumer<HandlerTable.Builder> extra,
      Duration dummyPeriod,
      CommandCatalogue catalogue) {
    this(dir, extra, dummyPeriod, catalogue, session -> {});
  }

  /** Same, with {@code onClose} told of each closed session, as the card service is. */
  public WorkerHarness(
      Path dir,
      Consumer<HandlerTable.Builder> extra,
      Duration dummyPeriod,
      CommandCatalogue catalogue,
      Consumer<SessionContext> onClose) {
    logs = new RecordingLogControl(dir);
    HandlerTable.Builder table = HandlerTable.builder(catalogue);
    new SessionStateHandler().register(table);
    new SessionDataHandlers().register(table);
    new PersistentDataHandlers(
            new PersistentDataStore(dir.resolve("persistent"), MAX_PERSISTENT_DATA))
        .register(table);
    new DateHandlers(CLOCK).register(table);
    new LogTailHandler(logs).register(table);
    new MonitoringHandlers(dummyPeriod).register(table);
    extra.accept(table);
    SessionRegistry sessions = new SessionRegistry(MAX_SESSION_DATA, commandThreads, onClose);
    dispatcher =
        new RequestDispatcher(table.build(), sessions, logs, timer, peer, wire, exits::add);
  }

  /** The standard catalogue plus test commands. */
  public static CommandCatalogue.Builder standardCatalogue() {
    CommandCatalogue.Builder builder = new CommandCatalogue.Builder();
    CommandCatalogue.standard().all().forEach(builder::add);
    return builder;
  }

  /** Opens {@code sessionId} for application {@code appId} and checks the OK. */
  public void openSession(String sessionId, String appId) throws InterruptedException {
    openSession(sessionId, appId, "https://app.example.com");
  }

  /** Opens {@code sessionId} for application {@code appId} of {@code origin}, checks the OK. */
  public void openSession(String sessionId, String appId, String origin) throws InterruptedException {
    String payload =
        wire.write(new LinkMessages.SessionOpened(sessionId, appId, "user", "domain", origin));
    JsonNode answer = finalAnswer(send(sessionId, payload));
    if (!"OK".equals(answer.path("s_status").asText())) {
      throw new AssertionError("openSession failed: " + answer);
    }
  }

  public void closeSession(String sessionId) throws InterruptedException {
    JsonNode answer =
        finalAnswer(send(sessionId, "{\"s_commandName\":\"" + LinkMessages.CLOSE_SESSION + "\"}"));
    if (!"OK".equals(answer.path("s_status").asText())) {
      throw new AssertionError("closeSession failed: " + answer);
    }
  }

  /** Sends a client command as the master forwards it, and waits for its one FINAL answer. */
  public ObjectNode call(String sessionId, String json) throws InterruptedException {
    return finalAnswer(command(sessionId, json));
  }

  /** Sends a client command as the master forwards it; returns the request id at once. */
  public long command(String sessionId, String json) {
    ObjectNode body = wire.readObject(json);
    if (sessionId != null) {
      body.put("s_sessionId", sessionId);
    }
    return send(sessionId, wire.write(body));
  }

  /** Dispatches a REQUEST frame; returns its id. */
  public long send(String sessionId, String payload) {
    long id = ids.incrementAndGet();
    dispatcher.dispatch(new LinkFrame(Kind.REQUEST, id, sessionId, payload));
    return id;
  }

  public void cancel(long id) {
    dispatcher.dispatch(new LinkFrame(Kind.CANCEL, id, "", ""));
  }

  /** Waits for the FINAL frame of request {@code id} and parses its payload. */
  public ObjectNode finalAnswer(long id) throws InterruptedException {
    LinkFrame frame =
        peer.await(f -> f.id() == id && f.kind() == Kind.FINAL, 1, TIMEOUT).getFirst();
    return wire.readObject(frame.payload());
  }

  /** The frames sent for request {@code id} so far. */
  public List<LinkFrame> framesOf(long id) {
    return peer.sent(f -> f.id() == id);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    commandThreads.shutdownNow();
  }
}
