package org.libreconnect.master.worker;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/** The operating-system process of one worker, once started: its pid, and the ways it ends. */
final class WorkerProcess {
  private final AtomicReference<Process> process = new AtomicReference<>();

  /** The process now runs the worker; once only. */
  void attach(Process started, int workerId) {
    if (!process.compareAndSet(null, started)) {
      throw new IllegalStateException("worker " + workerId + " already has a process");
    }
  }

  boolean started() {
    return process.get() != null;
  }

  /** The process id; -1 while the process is not started. */
  long pid() {
    Process running = process.get();
    return running == null ? -1 : running.pid();
  }

  /** The process, or null while it is not started. */
  Process get() {
    return process.get();
  }

  /** Ends the process at once (SIGKILL), if it was started. */
  void kill() {
    Process running = process.get();
    if (running != null) {
      running.destroyForcibly();
    }
  }

  /** Gives the process {@code grace} to exit by itself, then kills it and runs {@code onKill}. */
  void killIfStillRunningAfter(Duration grace, Runnable onKill) {
    Process running = process.get();
    if (running == null) {
      return;
    }
    running
        .onExit()
        .orTimeout(grace.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(
            timeout -> {
              onKill.run();
              running.destroyForcibly();
              return running;
            });
  }

  /**
   * Waits up to {@code wait} for the process to exit: then {@code exited} gets its status;
   * otherwise it is killed and {@code stillRunning} runs.
   */
  void awaitExit(Duration wait, IntConsumer exited, Runnable stillRunning) {
    Process running = process.get();
    running
        .onExit()
        .orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (done, timeout) -> {
              if (timeout != null) {
                running.destroyForcibly();
                stillRunning.run();
              } else {
                exited.accept(done.exitValue());
              }
            });
  }
}
