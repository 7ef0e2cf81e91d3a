package org.libreconnect.worker.handlers;

/**
 * What the debug commands do to the worker process; tests pass recorders. The master serves these
 * commands only when its configuration allows them ({@code debug/crash_commands}).
 */
public interface DebugActions {

  /** {@code hl_crash}: ends the process at once, without answering, as a crash would. */
  void crash();

  /**
   * {@code hl_zombie}: leaves the process alive but silent (stopped), so that the master's
   * deadline and health probe find it unresponsive and end it.
   */
  void freeze();

  /** Exit status of a worker ended by {@code hl_crash}. */
  int CRASH_STATUS = 70;

  /** The real actions: {@link Runtime#halt} and, on POSIX systems, {@code kill -STOP} on itself. */
  static DebugActions process() {
    return new DebugActions() {
      @Override
      public void crash() {
        org.libreconnect.runtime.LogSetup.flushCurrent(); // the lines before the crash stay in the logs
        Runtime.getRuntime().halt(CRASH_STATUS);
      }

      @Override
      public void freeze() {
        String self = Long.toString(ProcessHandle.current().pid());
        int exit;
        try {
          // waits for kill without a deadline: the stop takes effect before the command could
          // answer. With a deadline (5 s), a kill slow to start on a loaded machine let the
          // command answer OK just before the master's own deadline.
          exit = new ProcessBuilder("kill", "-STOP", self).redirectErrorStream(true).start().waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new org.libreconnect.protocol.error.FunctionalException("hl_zombie was interrupted");
        } catch (java.io.IOException e) {
          throw new org.libreconnect.protocol.error.FunctionalException(
              "hl_zombie needs a POSIX system (kill -STOP); it is not available here");
        }
        throw new org.libreconnect.protocol.error.FunctionalException(
            "hl_zombie could not stop its worker (kill ended with " + exit + ")");
      }
    };
  }
}
