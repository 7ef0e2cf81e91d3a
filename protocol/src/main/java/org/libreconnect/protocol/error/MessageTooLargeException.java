package org.libreconnect.protocol.error;

/** Thrown when a frame or request body exceeds the configured size limit. */
public class MessageTooLargeException extends ConnectorException {
  public MessageTooLargeException(String message) {
    super(ErrorKind.FUNCTIONAL, message);
  }

  public MessageTooLargeException(String message, String extendedInformation, Throwable cause) {
    super(ErrorKind.FUNCTIONAL, message, extendedInformation, cause);
  }
}
