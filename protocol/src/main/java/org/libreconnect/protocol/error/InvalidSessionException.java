package org.libreconnect.protocol.error;

/** Thrown when the session id is missing, unknown, closed or expired, or was opened from another origin. */
public class InvalidSessionException extends ConnectorException {
  public InvalidSessionException(String message) {
    super(ErrorKind.INVALID_SESSION, message);
  }

  public InvalidSessionException(String message, String extendedInformation, Throwable cause) {
    super(ErrorKind.INVALID_SESSION, message, extendedInformation, cause);
  }
}
