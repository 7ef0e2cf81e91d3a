package org.libreconnect.dmp.time;

/**
 * Thrown when the time server does not answer (or answers nonsense) and no earlier offset may be
 * reused: the DMP requires dates from a synchronised clock (PRE_TPS).
 */
public final class TimeUnavailableException extends RuntimeException {
  private final String server;

  public TimeUnavailableException(String server, String message, Throwable cause) {
    super(message, cause);
    this.server = server;
  }

  /** The time server as host:port. */
  public String server() {
    return server;
  }
}
