package org.libreconnect.dmp.transport;

/**
 * Thrown when a DMP call fails below SOAP: name resolution, connection, proxy, TLS handshake,
 * timeout, or an HTTP status without a SOAP answer. The cause is the low-level failure;
 * {@code DmpErrors} reads it.
 */
public final class TransportException extends RuntimeException {
  private final String endpoint;
  private final int httpStatus;

  public TransportException(String endpoint, int httpStatus, String message, Throwable cause) {
    super(message, cause);
    this.endpoint = endpoint;
    this.httpStatus = httpStatus;
  }

  /** The URL that was called. */
  public String endpoint() {
    return endpoint;
  }

  /** The HTTP status when one came back, else 0. */
  public int httpStatus() {
    return httpStatus;
  }
}
