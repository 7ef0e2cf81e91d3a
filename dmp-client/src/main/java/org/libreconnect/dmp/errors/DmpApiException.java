package org.libreconnect.dmp.errors;

import org.libreconnect.protocol.error.ConnectorException;
import org.libreconnect.protocol.error.ErrorKind;

/**
 * Thrown (by {@link DmpErrors}) as the wire form of a DMP or network failure: an {@code
 * API_ERROR} of type 2 (DMP) or 3 (network and TLS) with its code, description and extended
 * information.
 */
public final class DmpApiException extends ConnectorException {
  public DmpApiException(ErrorKind kind, String message, String extendedInformation, Throwable cause) {
    super(kind, message, extendedInformation, cause);
  }
}
