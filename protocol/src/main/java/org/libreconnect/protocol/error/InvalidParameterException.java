package org.libreconnect.protocol.error;

/**
 * Thrown when a parameter is present but unusable (wrong type, bad format, out of range). The
 * message names the key and the rule, never the value, so that a PIN sent in the wrong field
 * cannot leak into an answer or a log.
 */
public class InvalidParameterException extends ConnectorException {
  private final String key;

  public InvalidParameterException(String key, String rule) {
    super(ErrorKind.FUNCTIONAL, "Invalid parameter " + key + ": " + rule);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
