package org.libreconnect.worker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.libreconnect.dmp.DmpRehearsal;
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
 * classes (Jackson's introspection of the records above all). Then it rehearses a DMP transaction
 * on the loopback interface ({@link DmpRehearsal}), so that the application's first DMP connector
 * and TD0.2 do not pay for starting CXF and the XML stack. Nothing is opened to the outside, sent
 * or kept.
 */
final class WarmUp {
  private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
  private static final Duration DMP_DEADLINE = Duration.ofSeconds(20);
  /** How long the DMP rehearsal waits for a quiet machine before it gives up. */
  private static final Duration DMP_QUIET_WAIT = Duration.ofMinutes(5);
  private static final String SAMPLE_SESSION = "00000000-0000-4000-8000-000000000000";

  private WarmUp() {}

  /**
   * Starts the rehearsals on a low-priority daemon thread and returns at once. The DMP rehearsal
   * waits for a quiet machine ({@link QuietMachine}) and is skipped once {@code unassigned} turns
   * false: an application's commands come first.
   */
  static void start(
      WireJson wire, LinkCodec codec, Executor commandThreads, BooleanSupplier unassigned, Runnable rehearsed) {
    Thread.ofPlatform()
        .name("warm-up")
        .daemon(true)
        .priority(Thread.MIN_PRIORITY)
        .start(
            () -> {
              try {
                rehearse(wire, codec, commandThreads);
                if (!QuietMachine.system().await(DMP_QUIET_WAIT, unassigned)) {
                  log.debug("worker.warmup.dmp.skipped");
                  return;
                }
                long start = System.nanoTime();
                wire.ok(DmpRehearsal.run(DMP_DEADLINE));
                log.debug("worker.warmup.dmp.done ms={}", (System.nanoTime() - start) / 1_000_000);
                rehearsed.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (IOException | RuntimeException e) {
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
