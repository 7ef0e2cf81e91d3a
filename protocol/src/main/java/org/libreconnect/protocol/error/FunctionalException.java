package org.libreconnect.protocol.error;

/** Thrown when a command cannot be served as sent and no more specific exception applies. */
public class FunctionalException extends ConnectorException {
  public FunctionalException(String message) {
    super(ErrorKind.FUNCTIONAL, message);
  }

  public FunctionalException(String message, String extendedInformation, Throwable cause) {
    super(ErrorKind.FUNCTIONAL, message, extendedInformation, cause);
  }
}
