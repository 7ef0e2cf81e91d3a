package org.libreconnect.worker;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.libreconnect.protocol.CommandEnvelope;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.link.LinkCodec;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkMessages.SessionOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker does while it waits, pre-started, for its application: it runs once through the
 * code of a session's first exchange (a link frame decoded, the {@code link.openSession} message
 * read and bound, an answer written, a command thread started) on a sample that goes nowhere, so
 * that the application's first {@code hl_openSession} does not pay for loading and linking those
 * classes (Jackson's introspection of the records above all). Nothing is opened, sent or kept.
 */
final class WarmUp {
  private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
  private static final String SAMPLE_SESSION = "00000000-0000-4000-8000-000000000000";

  private WarmUp() {}

  /** Starts the rehearsal on a low-priority daemon thread; returns at once. */
  static void start(WireJson wire, LinkCodec codec, Executor commandThreads) {
    Thread.ofPlatform()
        .name("warm-up")
        .daemon(true)
        .priority(Thread.MIN_PRIORITY)
        .start(
            () -> {
              try {
                rehearse(wire, codec, commandThreads);
              } catch (RuntimeException e) {
                log.debug("worker.warmup.failed error={}", e.toString());
              }
            });
  }

  /** The rehearsal itself; returns the sample session message as it was read back. */
  static SessionOpened rehearse(WireJson wire, LinkCodec codec, Executor commandThreads) {
    SessionOpened sample = new SessionOpened(SAMPLE_SESSION, "warm-up", null, null, "https://warm-up.invalid");
    LinkFrame frame = new LinkFrame(LinkFrame.Kind.REQUEST, 1, SAMPLE_SESSION, wire.write(sample));
    LinkFrame decoded = codec.decodeBody(ByteBuffer.wrap(codec.encodeBody(frame)));
    CommandEnvelope command = wire.parseCommand(decoded.payload());
    SessionOpened read = wire.readInput(command.body(), SessionOpened.class);
    wire.ok(null);
    CompletableFuture.runAsync(() -> { }, commandThreads).join();
    return read;
  }
}
