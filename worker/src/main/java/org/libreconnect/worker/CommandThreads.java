package org.libreconnect.worker;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads the sessions' command queues borrow: platform threads, made as needed and ended
 * after a minute unused (ADR 0038). A command waits for the card thread with a deadline; on a
 * virtual thread each such wait also armed and disarmed a timer on the scheduler's own thread,
 * and each hand-off went through the scheduler's carrier threads: about 0.1 ms of processor time
 * per signature on SoftHSM2, on two processors shared with the master.
 */
public final class CommandThreads {
  private CommandThreads() {}

  /** A new pool of command threads, named {@code command-N}; idle, it holds no thread. */
  public static ExecutorService create() {
    return Executors.newCachedThreadPool(
        Thread.ofPlatform().name("command-", 0).daemon(true).factory());
  }
}
