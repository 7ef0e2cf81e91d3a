package org.libreconnect.master.worker;

/**
 * Which worker process a session belongs to. Sessions of the same web origin with the same
 * application id, Windows user and domain share one worker ("each application id exists in a
 * single process"); on a terminal server, two users of the same application get two workers,
 * each with its own card context. The origin is part of the key: a page of another origin that
 * sends the same application id gets a worker, and persistent data, of its own. Sessions without
 * an application id share one worker per origin (and user).
 */
public record WorkerKey(String origin, String applicationId, String userName, String domainName) {

  public static WorkerKey of(String origin, String applicationId, String userName, String domainName) {
    return new WorkerKey(
        origin == null ? "" : origin,
        applicationId == null ? "" : applicationId,
        emptyToNull(userName),
        emptyToNull(domainName));
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  @Override
  public String toString() {
    return "origin=" + origin
        + (applicationId.isEmpty() ? " app=(none)" : " app=" + applicationId)
        + (userName == null ? "" : " user=" + userName)
        + (domainName == null ? "" : "@" + domainName);
  }
}
