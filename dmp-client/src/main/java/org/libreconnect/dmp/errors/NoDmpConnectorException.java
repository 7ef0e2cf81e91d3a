package org.libreconnect.dmp.errors;

import org.libreconnect.protocol.error.FunctionalException;

/** Thrown when a DMP command arrives before {@code hl_createDmpConnector} succeeded in the session. */
public final class NoDmpConnectorException extends FunctionalException {
  public NoDmpConnectorException() {
    super("No DMP connector in this session: call hl_createDmpConnector first");
  }
}
