package org.libreconnect.master.worker;

import java.util.Objects;
import java.util.UUID;

/**
 * Which worker process a session belongs to. Sessions with the same application id, Windows
 * user and domain share one worker ("each application id exists in a single process"); on a
 * terminal server, two users of the same application get two workers, each with its own card
 * context. A session without an application id gets a worker of its own.
 */
public record WorkerKey(String applicationId, String userName, String domainName, String unique) {

  public static WorkerKey of(String applicationId, String userName, String domainName) {
    if (applicationId == null || applicationId.isEmpty()) {
      return new WorkerKey(null, userName, domainName, UUID.randomUUID().toString());
    }
    return new WorkerKey(applicationId, userName, domainName, null);
  }

  /** Whether later sessions may join this worker. */
  public boolean shared() {
    return unique == null;
  }

  @Override
  public String toString() {
    return shared()
        ? "app=" + applicationId + (userName == null ? "" : " user=" + userName)
            + (domainName == null ? "" : "@" + domainName)
        : "private";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkerKey k
        && Objects.equals(applicationId, k.applicationId)
        && Objects.equals(userName, k.userName)
        && Objects.equals(domainName, k.domainName)
        && Objects.equals(unique, k.unique);
  }

  @Override
  public int hashCode() {
    return Objects.hash(applicationId, userName, domainName, unique);
  }
}
