package org.libreconnect.protocol.error;

import org.libreconnect.protocol.Status;

/**
 * A class of failure as clients see it: {@code i_apiErrorType} with its description and
 * {@code i_apiErrorCode} with its name.
 */
public record ErrorKind(int type, String typeDescription, int code, String codeName) {

  /** Type of the errors produced by the connector software itself. */
  public static final int CONNECTOR_TYPE = 6000;

  private static final String CONNECTOR_TYPE_DESCRIPTION = "DmpConnectJsSoftwareErrors";

  /** Internal failure: a bug, a dead worker, an I/O error that is not the client's doing. */
  public static final ErrorKind TECHNICAL =
      new ErrorKind(CONNECTOR_TYPE, CONNECTOR_TYPE_DESCRIPTION, 1, "ErrTechnical");

  /** The request cannot be served as sent: unknown command, missing or invalid parameter. */
  public static final ErrorKind FUNCTIONAL =
      new ErrorKind(CONNECTOR_TYPE, CONNECTOR_TYPE_DESCRIPTION, 2, "ErrFunctional");

  /** The {@code s_sessionId} is unknown, closed or expired. */
  public static final ErrorKind INVALID_SESSION =
      new ErrorKind(CONNECTOR_TYPE, CONNECTOR_TYPE_DESCRIPTION, 3, "ErrInvalidSession");

  /** Connector errors travel with {@code ERROR}; errors of the API layers with {@code API_ERROR}. */
  public Status status() {
    return type == CONNECTOR_TYPE ? Status.ERROR : Status.API_ERROR;
  }
}
