package org.libreconnect.master.worker;

import org.libreconnect.protocol.error.ErrorKind;
import org.libreconnect.protocol.error.ConnectorException;

/**
 * Thrown when the worker process that serves a session has stopped (crashed, was killed) or
 * could not be started; the session's state in that process is gone.
 */
public class WorkerLostException extends ConnectorException {
  public WorkerLostException(String message) {
    super(ErrorKind.TECHNICAL, message);
  }
}
