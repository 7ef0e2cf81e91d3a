package org.libreconnect.protocol.error;

/** Thrown when a command lacks a parameter it requires. */
public class MissingParameterException extends ConnectorException {
  private final String key;

  public MissingParameterException(String key) {
    super(ErrorKind.FUNCTIONAL, "Missing parameter: " + key);
    this.key = key;
  }

  /** The JSON key, e.g. {@code s_sessionDataId}. */
  public String key() {
    return key;
  }
}
