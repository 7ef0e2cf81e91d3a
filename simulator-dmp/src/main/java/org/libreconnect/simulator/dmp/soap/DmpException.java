package org.libreconnect.simulator.dmp.soap;

/** Thrown when a request is refused; {@link FaultFactory} turns it into the DMP's answer. */
public final class DmpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final DmpError error;
  private final String text;

  /** A refusal with the error's default text. */
  public DmpException(DmpError error) {
    this(error, error.text());
  }

  /** A refusal with its own French text. */
  public DmpException(DmpError error, String text) {
    super(error.code() + ": " + text, null, false, false);
    this.error = error;
    this.text = text;
  }

  /** The error code. */
  public DmpError error() {
    return error;
  }

  /** The French text sent to the client. */
  public String text() {
    return text;
  }
}
