package org.libreconnect.protocol.link;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Payloads of the link's own commands. They travel in {@link LinkFrame.Kind#REQUEST} frames
 * like client commands, under names a client cannot send: the catalogue does not list them and
 * the master never forwards a name it does not know.
 */
public final class LinkMessages {
  private LinkMessages() {}

  /** Link command: a session now lives in this worker. */
  public static final String OPEN_SESSION = "link.openSession";

  /** Link command: the session ended (closed by the client, expired, or master shutdown). */
  public static final String CLOSE_SESSION = "link.closeSession";

  /** Link command: apply new log levels. */
  public static final String SET_LOG_LEVELS = "link.setLogLevels";

  /**
   * Link command: answer at once. The master sends it when a command missed its deadline, to
   * tell a slow command from a worker that no longer reads its link.
   */
  public static final String PING = "link.ping";

  /** Link command: exit now; the master no longer needs this worker. */
  public static final String SHUTDOWN = "link.shutdown";

  /**
   * Worker to master, in a REQUEST frame: this worker must be replaced (its PC/SC context died
   * with a restart of the PC/SC service). The master stops sending it commands, starts a successor
   * for the same sessions, and the worker exits with {@link #EXIT_REPLACE_ME} once it has answered
   * what it was serving. The master does not answer this frame.
   */
  public static final String RETIRE = "link.retire";

  /**
   * Worker to master, in a REQUEST frame whose payload is a {@link Bare}: this worker has
   * rehearsed the DMP path, so the classes its JVM writes in the class-data archive when it exits
   * are those of a worker at work (ADR 0037). The master does not answer this frame.
   */
  public static final String REHEARSED = "link.rehearsed";

  /** Exit status of a worker that asked to be replaced (EX_TEMPFAIL). */
  public static final int EXIT_REPLACE_ME = 75;

  /** Payload of {@link #RETIRE}. */
  public record Retire(
      @JsonProperty("s_commandName") String commandName, @JsonProperty("reason") String reason) {

    public Retire(String reason) {
      this(RETIRE, reason);
    }
  }

  /** First frame of a worker: the token it read on its standard input, and its pid. */
  public record Hello(
      @JsonProperty("token") String token,
      @JsonProperty("pid") long pid,
      @JsonProperty("version") String version) {

    @Override
    public String toString() {
      return "Hello[pid=" + pid + ", version=" + version + "]";
    }
  }

  /** Payload of {@link #OPEN_SESSION}. */
  public record SessionOpened(
      @JsonProperty("s_commandName") String commandName,
      @JsonProperty("s_sessionId") String sessionId,
      @JsonProperty("applicationId") String applicationId,
      @JsonProperty("userName") String userName,
      @JsonProperty("domainName") String domainName,
      @JsonProperty("origin") String origin) {

    public SessionOpened(
        String sessionId, String applicationId, String userName, String domainName, String origin) {
      this(OPEN_SESSION, sessionId, applicationId, userName, domainName, origin);
    }
  }

  /** Payload of {@link #SET_LOG_LEVELS}. */
  public record SetLogLevels(
      @JsonProperty("s_commandName") String commandName,
      @JsonProperty("serviceLevel") int serviceLevel,
      @JsonProperty("connectorLevel") int connectorLevel) {

    public SetLogLevels(int serviceLevel, int connectorLevel) {
      this(SET_LOG_LEVELS, serviceLevel, connectorLevel);
    }
  }

  /** Payload of the commands that carry nothing but their name. */
  public record Bare(@JsonProperty("s_commandName") String commandName) {}
}
