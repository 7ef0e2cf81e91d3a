package org.libreconnect.protocol.error;

/**
 * Thrown when an API layer (card, DMP, network) fails with a kind of its own, such as one of
 * {@link CardErrorKinds}; travels with {@code s_status} API_ERROR.
 */
public class ApiException extends ConnectorException {
  public ApiException(ErrorKind kind, String message, String extendedInformation, Throwable cause) {
    super(kind, message, extendedInformation, cause);
  }
}
