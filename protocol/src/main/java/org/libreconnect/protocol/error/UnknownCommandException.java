package org.libreconnect.protocol.error;

/** Thrown when the command name is not one the connector knows. */
public class UnknownCommandException extends ConnectorException {
  public UnknownCommandException(String message) {
    super(ErrorKind.FUNCTIONAL, message);
  }

  public UnknownCommandException(String message, String extendedInformation, Throwable cause) {
    super(ErrorKind.FUNCTIONAL, message, extendedInformation, cause);
  }
}
