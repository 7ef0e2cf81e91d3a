package org.libreconnect.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits for a helper process the connector started (a name look-up, a JDK tool) with a deadline. */
public final class ProcessDeadline {
  private ProcessDeadline() {}

  /**
   * Waits until {@code process} ends; kills it and fails when {@code deadline} passes first or
   * the wait is interrupted (the interrupt is kept).
   *
   * @param what what the process does, for the errors: "the name service look-up" gives "the
   *     name service look-up did not end within 5 s"
   * @return its exit value
   */
  public static int await(Process process, Duration deadline, String what) throws IOException {
    try {
      if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException(what + " did not end within " + (deadline.toMillis() % 1000 == 0
            ? deadline.toSeconds() + " s" : deadline.toMillis() + " ms"));
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted during " + what, e);
    }
  }
}
