package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.libreconnect.runtime.LogFiles;

/**
 * Waits for pre-started workers to finish their rehearsals: a worker logs {@code
 * worker.warmup.dmp.done} once it rehearsed a DMP transaction, which it does when the machine is
 * quiet. A benchmark that measures an idle worker, or that must not share the processors with a
 * rehearsal, waits for it.
 */
final class Rehearsals {
  private static final String DONE = "worker.warmup.dmp.done";

  private Rehearsals() {}

  /** Waits until {@code count} workers of {@code home} logged their DMP rehearsal; fails after a minute. */
  static void await(Path home, int count) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    int done;
    while ((done = count(home)) < count) {
      assertThat(System.nanoTime()).as("%d DMP rehearsals logged, %d expected", done, count).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static int count(Path home) throws Exception {
    // service.log and its rotated files (service.log.1…): a busy worker's debug log rotates
    String logs = LogFiles.readAll(home.resolve("logs"), Integer.MAX_VALUE);
    int count = 0;
    for (int at = logs.indexOf(DONE); at >= 0; at = logs.indexOf(DONE, at + 1)) {
      count++;
    }
    return count;
  }
}
