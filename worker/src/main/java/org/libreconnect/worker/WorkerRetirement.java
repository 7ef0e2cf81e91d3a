package org.libreconnect.worker;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a worker that can no longer serve its sessions (its PC/SC context died with a restart of
 * the PC/SC service) so that the master replaces it: tells the master ({@code link.retire}), lets
 * the commands in progress answer, then exits with {@link LinkMessages#EXIT_REPLACE_ME}.
 */
public final class WorkerRetirement {
  /** The longest wait for commands in progress before exiting. */
  static final Duration GRACE = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(WorkerRetirement.class);

  private final LinkPeer peer;
  private final WireJson wire;
  private final CommandActivity activity;
  private final ProcessExit exit;
  private final AtomicBoolean requested = new AtomicBoolean();

  public WorkerRetirement(LinkPeer peer, WireJson wire, CommandActivity activity, ProcessExit exit) {
    this.peer = peer;
    this.wire = wire;
    this.activity = activity;
    this.exit = exit;
  }

  /** Asks the master for a successor and exits once the commands in progress answered; once. */
  public void request(String reason) {
    if (!requested.compareAndSet(false, true)) {
      return;
    }
    log.warn("worker.retire reason=\"{}\"", reason);
    try {
      peer.send(
          new LinkFrame(LinkFrame.Kind.REQUEST, 0, "", wire.write(new LinkMessages.Retire(reason))));
    } catch (IOException e) {
      log.warn("worker.retire.notify.failed error={}", e.toString());
    }
    Thread.ofPlatform()
        .name("retire")
        .daemon(true)
        .start(
            () -> {
              try {
                if (!activity.awaitIdle(GRACE)) {
                  log.warn("worker.retire.busy waited={}ms", GRACE.toMillis());
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              log.info("worker.exit reason=\"replaced: {}\" status={}", reason, LinkMessages.EXIT_REPLACE_ME);
              exit.exit(LinkMessages.EXIT_REPLACE_ME);
            });
  }

  /** Whether a replacement was asked for. */
  public boolean requested() {
    return requested.get();
  }
}
