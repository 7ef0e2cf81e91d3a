package org.libreconnect.protocol.error;

/** Thrown when the connector itself fails: an internal error the client did not cause. */
public class TechnicalException extends ConnectorException {
  public TechnicalException(String message) {
    super(ErrorKind.TECHNICAL, message);
  }

  public TechnicalException(String message, String extendedInformation, Throwable cause) {
    super(ErrorKind.TECHNICAL, message, extendedInformation, cause);
  }
}
