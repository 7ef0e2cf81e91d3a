package org.libreconnect.diagnostics;

/** Short, input-free descriptions of exceptions for check details. */
final class Messages {
  private Messages() {}

  /** The exception's kind, e.g. "ConnectException", never its message (which may quote input). */
  static String brief(Throwable e) {
    return e.getClass().getSimpleName();
  }
}
