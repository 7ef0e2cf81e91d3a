package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonProperty;

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

    public boolean wantsServerLog() {
      return getServerLog == null || getServerLog != 0;
    }

    public boolean wantsConnectorLog() {
      return getDmpConnectLog == null || getDmpConnectLog != 0;
    }

    public int serverLines() {
      return serverLogNbLastLines == null ? DEFAULT_LINES : serverLogNbLastLines;
    }

    public int connectorLines() {
      return dmpConnectLogNbLastLines == null ? DEFAULT_LINES : dmpConnectLogNbLastLines;
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
