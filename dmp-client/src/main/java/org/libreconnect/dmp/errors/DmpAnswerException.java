package org.libreconnect.dmp.errors;

/** Thrown when a DMP answer lacks what the transaction needs (an unexpected body or a missing part). */
public final class DmpAnswerException extends RuntimeException {
  public DmpAnswerException(String message) {
    super(message);
  }
}
