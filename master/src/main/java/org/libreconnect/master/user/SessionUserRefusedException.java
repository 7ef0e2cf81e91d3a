package org.libreconnect.master.user;

import org.libreconnect.protocol.error.FunctionalException;

/**
 * Thrown when {@code hl_openSession} names a user ({@code s_userName}) that the connection may
 * not open a session for: no such account, the connection belongs to another user, its user
 * cannot be found, or the connector has no right to start a worker as that user. The message
 * never quotes the name the page sent.
 */
public final class SessionUserRefusedException extends FunctionalException {
  private final SessionUserCheck.Verdict verdict;

  public SessionUserRefusedException(SessionUserCheck.Verdict verdict) {
    super("hl_openSession refused for s_userName: " + verdict.reason());
    this.verdict = verdict;
  }

  public SessionUserCheck.Verdict verdict() {
    return verdict;
  }
}
