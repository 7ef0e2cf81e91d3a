package org.libreconnect.worker;

import java.time.Duration;

/** Counts the single-answer commands being served, so that a retiring worker answers them first. */
public final class CommandActivity {
  private int running;

  synchronized void started() {
    running++;
  }

  synchronized void finished() {
    running--;
    notifyAll();
  }

  /** Waits until no command is being served, at most {@code timeout}; true when idle. */
  public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (running > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
