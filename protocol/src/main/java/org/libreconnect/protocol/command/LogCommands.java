package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.libreconnect.protocol.error.InvalidParameterException;

/** Inputs and answers of the log commands (protocol spec section 2.6). */
public final class LogCommands {
  private LogCommands() {}

  /** {@code getLogsTail} and {@code hl_getSessionLogsTail}; every field is optional. */
  public record LogsTailInput(
      @JsonProperty("i_getServerLog") Integer getServerLog,
      @JsonProperty("i_getDmpConnectLog") Integer getDmpConnectLog,
      @JsonProperty("i_serverLogNbLastLines") Integer serverLogNbLastLines,
      @JsonProperty("i_dmpConnectLogNbLastLines") Integer dmpConnectLogNbLastLines) {

    public static final int DEFAULT_LINES = 50;

    /** Most lines a tail gives of one log, whatever was asked. */
    public static final int MAX_LINES = 10_000;

    public boolean wantsServerLog() {
      return getServerLog == null || getServerLog != 0;
    }

    public boolean wantsConnectorLog() {
      return getDmpConnectLog == null || getDmpConnectLog != 0;
    }

    /** Lines asked of the service log, at most {@link #MAX_LINES}; a negative count is refused. */
    public int serverLines() {
      return lineCount("i_serverLogNbLastLines", serverLogNbLastLines);
    }

    /** Lines asked of the connector's log, at most {@link #MAX_LINES}; a negative count is refused. */
    public int connectorLines() {
      return lineCount("i_dmpConnectLogNbLastLines", dmpConnectLogNbLastLines);
    }

    /** Refuses a negative count for a log that is asked, before any file is read. */
    public void validate() {
      if (wantsServerLog()) {
        serverLines();
      }
      if (wantsConnectorLog()) {
        connectorLines();
      }
    }

    private static int lineCount(String key, Integer requested) {
      int lines = requested == null ? DEFAULT_LINES : requested;
      if (lines < 0) {
        throw new InvalidParameterException(key, "must not be negative");
      }
      return Math.min(lines, MAX_LINES);
    }
  }

  /** Answer of the log-tail commands: base64 of the last lines, each log only when asked. */
  public record LogsTailAnswer(
      @JsonProperty("s_serverLogBase64") String serverLogBase64,
      @JsonProperty("s_dmpConnectLogBase64") String dmpConnectLogBase64) {}

  /**
   * {@code setLogLevels} input and {@code getLogLevels} answer: the connector (card, DMP) level
   * as JS2 LogVerbosity 0-5 and the service level 1-7.
   */
  public record LogLevels(
      @JsonProperty("i_dmpConnectLogLevel") Integer dmpConnectLogLevel,
      @JsonProperty("i_dmpConnectJsLogLevel") Integer dmpConnectJsLogLevel) {}
}
