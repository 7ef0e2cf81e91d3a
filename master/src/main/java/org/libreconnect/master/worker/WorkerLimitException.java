package org.libreconnect.master.worker;

import org.libreconnect.protocol.error.ConnectorException;
import org.libreconnect.protocol.error.ErrorKind;

/** Opening a session would need a worker process beyond {@code server/max_workers}. */
public final class WorkerLimitException extends ConnectorException {
  public WorkerLimitException(int maxWorkers) {
    super(
        ErrorKind.FUNCTIONAL,
        "The connector already runs its maximum of " + maxWorkers
            + " worker processes (server/max_workers), one per application: close the sessions"
            + " of an application first");
  }
}
