package org.libreconnect.worker.handlers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.libreconnect.protocol.command.LogCommands.LogsTailAnswer;
import org.libreconnect.protocol.command.LogCommands.LogsTailInput;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.runtime.LogTail;
import org.libreconnect.worker.HandlerTable;
import org.libreconnect.worker.LogControl;
import org.libreconnect.worker.SessionContext;

/** {@code hl_getSessionLogsTail}: the last lines of this worker's two logs, in base64. */
public final class LogTailHandler {

  /** Most lines sent per log, whatever the client asks: answers must stay small and quick. */
  public static final int MAX_LINES = 10_000;

  private final LogControl logs;

  public LogTailHandler(LogControl logs) {
    this.logs = logs;
  }

  /** Adds {@code hl_getSessionLogsTail} to {@code table}. */
  public void register(HandlerTable.Builder table) {
    table.single("hl_getSessionLogsTail", LogsTailInput.class, this::tail);
  }

  private LogsTailAnswer tail(SessionContext session, LogsTailInput input) {
    int serverLines = lineCount("i_serverLogNbLastLines", input.serverLines());
    int connectorLines = lineCount("i_dmpConnectLogNbLastLines", input.connectorLines());
    logs.flush();
    return new LogsTailAnswer(
        input.wantsServerLog() ? base64Tail(logs.serviceLog(), serverLines) : null,
        input.wantsConnectorLog() ? base64Tail(logs.connectorLog(), connectorLines) : null);
  }

  private static int lineCount(String key, int requested) {
    if (requested < 0) {
      throw new InvalidParameterException(key, "must not be negative");
    }
    return Math.min(requested, MAX_LINES);
  }

  private static String base64Tail(Path log, int lines) {
    String text = LogTail.lastLines(log, lines);
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
