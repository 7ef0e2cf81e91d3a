package org.libreconnect.protocol.error;

/**
 * Base of every failure that reaches a client as a JS2 error. Subclasses fix the {@link
 * ErrorKind}; the message is the plain-language {@code s_apiErrorDescription} and must never
 * contain a PIN, a password or a request body.
 */
public abstract class ConnectorException extends RuntimeException {
  private final ErrorKind kind;
  private final String extendedInformation;

  protected ConnectorException(ErrorKind kind, String message) {
    this(kind, message, "", null);
  }

  protected ConnectorException(
      ErrorKind kind, String message, String extendedInformation, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.extendedInformation = extendedInformation == null ? "" : extendedInformation;
  }

  public ErrorKind kind() {
    return kind;
  }

  /** Goes to {@code s_apiErrorExtendedInformations}: details that help support staff. */
  public String extendedInformation() {
    return extendedInformation;
  }
}
