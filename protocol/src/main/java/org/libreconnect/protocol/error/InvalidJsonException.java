package org.libreconnect.protocol.error;

/** Thrown when a frame is not a single, well-formed JSON object. */
public class InvalidJsonException extends ConnectorException {
  public InvalidJsonException(String message) {
    super(ErrorKind.FUNCTIONAL, message);
  }

  public InvalidJsonException(String message, String extendedInformation, Throwable cause) {
    super(ErrorKind.FUNCTIONAL, message, extendedInformation, cause);
  }
}
