package org.libreconnect.worker.dmp;

import org.libreconnect.dmp.DmpCredentials;
import org.libreconnect.worker.SessionContext;

/**
 * Gives the credentials of the card selected in a session ({@code hl_getCpxCard}), presenting the
 * PIN of {@code hl_createDmpConnector} to it. The card layer implements it.
 */
@FunctionalInterface
public interface DmpCredentialsSource {

  /**
   * Logs in to the session's card with {@code pin} and returns its credentials. The PIN array is
   * wiped by the card layer; failures are the card layer's exceptions (wrong PIN, no card…).
   */
  DmpCredentials login(SessionContext session, char[] pin);
}
