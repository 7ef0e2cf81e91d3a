package org.libreconnect.protocol;

/** Helpers for session ids in logs: a short prefix identifies a session without handing it out. */
public final class SessionIds {
  private SessionIds() {}

  /** The first 8 characters, enough to follow a session through the logs. */
  public static String shortForm(String sessionId) {
    if (sessionId == null) {
      return "-";
    }
    return sessionId.length() <= 8 ? sessionId : sessionId.substring(0, 8);
  }
}
