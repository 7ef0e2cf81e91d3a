package org.libreconnect.master.worker;

import java.util.concurrent.CompletableFuture;

/** Moves the sessions of a replaced worker into its successor (the session service does it). */
@FunctionalInterface
public interface SessionTransfer {

  /**
   * Opens in {@code successor}, which is ready, every session that lives in {@code replaced};
   * completes once they are open there.
   */
  CompletableFuture<Void> transfer(WorkerHandle replaced, WorkerHandle successor);
}
