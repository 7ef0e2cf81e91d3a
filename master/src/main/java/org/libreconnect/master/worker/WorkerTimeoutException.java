package org.libreconnect.master.worker;

import java.time.Duration;
import org.libreconnect.protocol.error.ConnectorException;
import org.libreconnect.protocol.error.ErrorKind;

/** A worker did not answer, or did not start, within the master's deadline. */
public final class WorkerTimeoutException extends ConnectorException {
  private WorkerTimeoutException(String message) {
    super(ErrorKind.TECHNICAL, message);
  }

  /** The worker serving the session did not answer a command in time. */
  public static WorkerTimeoutException noAnswer(Duration deadline) {
    return new WorkerTimeoutException(
        "The connector's worker process did not answer within " + seconds(deadline)
            + "; it is being checked and will be replaced if it stays unresponsive."
            + " Send the command again");
  }

  /** No worker process became ready in time. */
  public static WorkerTimeoutException notReady(Duration deadline) {
    return new WorkerTimeoutException(
        "No worker process became ready within " + seconds(deadline)
            + " (the machine may be busy); try again in a moment");
  }

  private static String seconds(Duration deadline) {
    long millis = deadline.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
