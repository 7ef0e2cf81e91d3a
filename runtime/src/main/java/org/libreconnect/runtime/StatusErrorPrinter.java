package org.libreconnect.runtime;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Prints Logback's own errors (a log file that cannot be written, for instance) to standard error,
 * and nothing else: Logback's information and warning messages stay silent.
 */
final class StatusErrorPrinter implements StatusListener {

  @Override
  public void addStatusEvent(Status status) {
    if (status.getLevel() == Status.ERROR) {
      Throwable cause = status.getThrowable();
      System.err.println(
          "LibreConnect logging error: "
              + status.getMessage()
              + (cause == null ? "" : " (" + cause + ")"));
    }
  }
}
