package org.libreconnect.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.libreconnect.runtime.LogFiles;

/**
 * Another process's logs as a test reads them: a connector process writes its lines on a thread of
 * its own (a few milliseconds after they are logged), so a test that asserts on them reads until
 * the files stop changing.
 */
public final class WrittenLogs {
  /** How long the files must stay the same. */
  private static final Duration QUIET = Duration.ofMillis(150);
  private static final Duration LIMIT = Duration.ofSeconds(10);

  private WrittenLogs() {}

  /** Every file under {@code logDirectory} (rolled files and session folders included), once quiet. */
  public static String readAll(Path logDirectory) throws IOException, InterruptedException {
    return onceQuiet(() -> LogFiles.readAll(logDirectory, Integer.MAX_VALUE));
  }

  /** One log file, once quiet. */
  public static String read(Path logFile) throws IOException, InterruptedException {
    return onceQuiet(() -> Files.readString(logFile));
  }

  private interface Reading {
    String read() throws IOException;
  }

  private static String onceQuiet(Reading reading) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    String last = reading.read();
    while (System.nanoTime() < deadline) {
      Thread.sleep(QUIET.toMillis());
      String now = reading.read();
      if (now.equals(last)) {
        return now;
      }
      last = now;
    }
    return last;
  }
}
