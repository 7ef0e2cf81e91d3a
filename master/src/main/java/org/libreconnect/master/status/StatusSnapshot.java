package org.libreconnect.master.status;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What the status page and {@code /status.json} show, taken at one instant. */
public record StatusSnapshot(
    @JsonProperty("version") String version,
    @JsonProperty("build") String build,
    @JsonProperty("startedAt") String startedAt,
    @JsonProperty("simulation") boolean simulation,
    @JsonProperty("listen") String listen,
    @JsonProperty("activeSessions") int activeSessions,
    @JsonProperty("refusedOrigins") long refusedOrigins,
    @JsonProperty("allowedOrigins") List<String> allowedOrigins,
    @JsonProperty("certificateExpiresAt") String certificateExpiresAt,
    @JsonProperty("sessions") List<SessionView> sessions,
    @JsonProperty("workers") List<WorkerView> workers) {

  /** One session row; {@code id} is the session id's short form, never the whole id. */
  public record SessionView(
      @JsonProperty("id") String id,
      @JsonProperty("applicationId") String applicationId,
      @JsonProperty("origin") String origin,
      @JsonProperty("user") String user,
      @JsonProperty("workerPid") long workerPid,
      @JsonProperty("workerState") String workerState,
      @JsonProperty("openedAt") String openedAt,
      @JsonProperty("lastActivity") String lastActivity,
      @JsonProperty("idleTimeoutSeconds") long idleTimeoutSeconds,
      @JsonProperty("openMonitoringSockets") int openMonitoringSockets) {}

  /** One worker row. */
  public record WorkerView(
      @JsonProperty("pid") long pid,
      @JsonProperty("state") String state,
      @JsonProperty("health") String health,
      @JsonProperty("assignedTo") String assignedTo,
      @JsonProperty("sessions") int sessions,
      @JsonProperty("startedAt") String startedAt,
      @JsonProperty("logDirectory") String logDirectory) {}
}
