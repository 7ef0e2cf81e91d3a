package org.libreconnect.worker.data;

import java.io.IOException;

/** Thrown when the persistent data file of an application cannot be read, written or deleted. */
public final class PersistentDataAccessException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what was attempted, naming the application and the file
   * @param cause the file-system failure
   */
  public PersistentDataAccessException(String message, IOException cause) {
    super(message + ": " + cause, cause);
  }
}
