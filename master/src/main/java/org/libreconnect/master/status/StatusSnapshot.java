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
    @JsonProperty("workers") List<WorkerView> workers,
    @JsonProperty("support") SupportView support) {

  /** A snapshot without the support section. */
  public StatusSnapshot(String version, String build, String startedAt, boolean simulation,
      String listen, int activeSessions, long refusedOrigins, List<String> allowedOrigins,
      String certificateExpiresAt, List<SessionView> sessions, List<WorkerView> workers) {
    this(version, build, startedAt, simulation, listen, activeSessions, refusedOrigins, allowedOrigins,
        certificateExpiresAt, sessions, workers, SupportView.NONE);
  }

  /**
   * What support staff ask first: where the configuration and logs are, which origins were
   * refused lately, which readers and cards the connector sees, and the last live checks.
   */
  public record SupportView(
      @JsonProperty("configFile") String configFile,
      @JsonProperty("logDirectory") String logDirectory,
      @JsonProperty("timeZone") String timeZone,
      @JsonProperty("recentRefusals") List<RefusalView> recentRefusals,
      @JsonProperty("readers") List<String> readers,
      @JsonProperty("checkedAt") String checkedAt,
      @JsonProperty("checks") List<CheckView> checks) {
    public static final SupportView NONE =
        new SupportView("", "", java.time.ZoneId.systemDefault().getId(), List.of(), List.of(), "", List.of());
  }

  /** A refused origin (printable form) and when. */
  public record RefusalView(@JsonProperty("origin") String origin, @JsonProperty("at") String at) {}

  /** One live check: OK, FAILED or SKIPPED, what was seen, what to do. */
  public record CheckView(
      @JsonProperty("name") String name,
      @JsonProperty("outcome") String outcome,
      @JsonProperty("detail") String detail,
      @JsonProperty("remedy") String remedy) {}

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
