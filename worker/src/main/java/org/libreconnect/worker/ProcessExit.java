package org.libreconnect.worker;

/** Ends the worker process; tests pass one that records the status instead. */
@FunctionalInterface
public interface ProcessExit {

  /** Exits with {@code status}; in production this does not return. */
  void exit(int status);
}
