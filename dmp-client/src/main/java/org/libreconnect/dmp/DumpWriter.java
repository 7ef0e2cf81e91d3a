package org.libreconnect.dmp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.libreconnect.runtime.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the transaction dump's files on one background thread, in the order they were handed
 * over, so that a DMP transaction does not wait for its diagnostic files (about 6 ms of rendering,
 * two files and their fsyncs per transaction). Each file is still written whole or not at all
 * ({@link AtomicFiles}); when the queue is full the caller writes the file itself, so a dump is
 * never dropped. A process that ends (a worker's {@code System.exit}, a server's SIGTERM) first
 * writes what is queued, for {@value #EXIT_FLUSH_SECONDS} s at most, from a shutdown hook: neither
 * ends wait for a non-daemon thread.
 */
final class DumpWriter {
  private static final Logger log = LoggerFactory.getLogger(DumpWriter.class);
  private static final int QUEUE = 256;
  /** Within the master's stop grace for a worker. */
  static final int EXIT_FLUSH_SECONDS = 4;
  private static final ThreadPoolExecutor THREAD = newThread();

  private DumpWriter() {}

  /** Queues {@code file}; {@code content} is rendered on the writer thread. */
  static void write(Path file, Supplier<byte[]> content) {
    THREAD.execute(() -> writeNow(file, content));
  }

  /** Waits until every file queued before this call is on disk, at most {@code timeout}. */
  static boolean flush(Duration timeout) {
    try {
      THREAD.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  private static void writeNow(Path file, Supplier<byte[]> content) {
    try {
      AtomicFiles.write(file, content.get());
    } catch (IOException | RuntimeException e) {
      // The dump helps support; failing to write it must not fail anything else.
      log.warn("dmp.dump.failed file={} reason={}", file.getFileName(), e.toString());
    }
  }

  private static ThreadPoolExecutor newThread() {
    ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 2, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE),
        task -> Thread.ofPlatform().name("dmp-dump").daemon(false).unstarted(task),
        new ThreadPoolExecutor.CallerRunsPolicy());
    executor.allowCoreThreadTimeOut(true);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("dmp-dump-exit").unstarted(() -> {
      if (!flush(Duration.ofSeconds(EXIT_FLUSH_SECONDS))) {
        log.warn("dmp.dump.exit reason=\"files still queued after {} s\"", EXIT_FLUSH_SECONDS);
      }
    }));
    return executor;
  }
}
