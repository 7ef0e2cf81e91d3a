package org.libreconnect.master.worker;

import java.util.Optional;
import org.libreconnect.master.user.OsAccount;

/**
 * Which worker process a session belongs to. Sessions of the same web origin with the same
 * application id, Windows user and domain share one worker ("each application id exists in a
 * single process"); on a terminal server, two users of the same application get two workers,
 * each with its own card context. The origin is part of the key: a page of another origin that
 * sends the same application id gets a worker, and persistent data, of its own. Sessions without
 * an application id share one worker per origin (and user).
 *
 * <p>{@code account} is the OS account the worker runs as when the session named a user that
 * owns its connection (docs/adr/0026); null for a worker of the connector's own account. Workers
 * of different accounts are never shared, and a worker with an account is never a pre-started one.
 */
public record WorkerKey(
    String origin, String applicationId, String userName, String domainName, OsAccount account) {

  public WorkerKey(String origin, String applicationId, String userName, String domainName) {
    this(origin, applicationId, userName, domainName, null);
  }

  public static WorkerKey of(String origin, String applicationId, String userName, String domainName) {
    return of(origin, applicationId, userName, domainName, null);
  }

  public static WorkerKey of(
      String origin, String applicationId, String userName, String domainName, OsAccount account) {
    return new WorkerKey(
        origin == null ? "" : origin,
        applicationId == null ? "" : applicationId,
        emptyToNull(userName),
        emptyToNull(domainName),
        account);
  }

  /** The OS account the worker runs as, when not the connector's own. */
  public Optional<OsAccount> runAs() {
    return Optional.ofNullable(account);
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  @Override
  public String toString() {
    return "origin=" + origin
        + (applicationId.isEmpty() ? " app=(none)" : " app=" + applicationId)
        + (userName == null ? "" : " user=" + userName)
        + (domainName == null ? "" : "@" + domainName)
        + (account == null ? "" : " uid=" + account.uid());
  }
}
