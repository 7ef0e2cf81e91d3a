package org.libreconnect.installer;

/** Thrown when an installation step cannot be done; the message tells the administrator why. */
public final class InstallerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InstallerException(String message) {
    super(message);
  }

  public InstallerException(String message, Throwable cause) {
    super(message, cause);
  }
}
