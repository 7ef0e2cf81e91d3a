package org.libreconnect.master.worker;

/**
 * Makes worker processes in two steps, so that the pool can count a worker (and refuse one past
 * its limit) at once, without blocking, and start the process later on a thread of its own.
 */
public interface WorkerFactory {

  /** A new worker, not started: no process, no file, no I/O. */
  WorkerHandle create();

  /**
   * Starts the worker's process. Blocking (directories, process start): never called on an
   * event-loop thread.
   *
   * @throws WorkerLostException when the process cannot be started
   */
  void start(WorkerHandle worker);
}
