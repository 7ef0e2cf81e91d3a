package org.libreconnect.supervisor.service;

/** A service manager refused or failed a change; the message says what to do. */
public final class ServiceException extends Exception {
  public ServiceException(String message) {
    super(message);
  }
}
