package org.libreconnect.master.worker;

import org.libreconnect.master.user.OsAccount;

/**
 * Makes worker processes in two steps, so that the pool can count a worker (and refuse one past
 * its limit) at once, without blocking, and start the process later on a thread of its own.
 */
public interface WorkerFactory {

  /** A new worker, not started: no process, no file, no I/O. */
  WorkerHandle create();

  /**
   * A new worker, not started, that will run as {@code account} (a terminal-server user,
   * docs/adr/0026). A factory that cannot start workers as another user refuses.
   *
   * @throws WorkerLostException when this factory cannot
   */
  default WorkerHandle createFor(OsAccount account) {
    throw new WorkerLostException("This connector cannot start workers as another user");
  }

  /**
   * Starts the worker's process. Blocking (directories, process start): never called on an
   * event-loop thread.
   *
   * @throws WorkerLostException when the process cannot be started
   */
  void start(WorkerHandle worker);

  /**
   * How long {@code worker} may take to exit once asked before it is killed: {@code usual}, or
   * more for a worker whose JVM writes its class data when it exits ({@link WorkerClassData}).
   */
  default java.time.Duration stopGrace(WorkerHandle worker, java.time.Duration usual) {
    return usual;
  }

  /**
   * Waits, at most {@code timeout}, until what this factory does when a worker's process ends
   * (the class data a training worker wrote) is done for every process it started. The pool calls
   * it last when it closes, so that a stopping master does not exit before.
   */
  default void awaitExits(java.time.Duration timeout) {}
}
