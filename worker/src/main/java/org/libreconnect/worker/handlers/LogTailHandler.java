package org.libreconnect.worker.handlers;

import org.libreconnect.protocol.command.LogCommands.LogsTailAnswer;
import org.libreconnect.protocol.command.LogCommands.LogsTailInput;
import org.libreconnect.runtime.LogTail;
import org.libreconnect.worker.HandlerTable;
import org.libreconnect.worker.LogControl;
import org.libreconnect.worker.SessionContext;

/** {@code hl_getSessionLogsTail}: the last lines of this worker's two logs, in base64. */
public final class LogTailHandler {

  private final LogControl logs;

  public LogTailHandler(LogControl logs) {
    this.logs = logs;
  }

  /** Adds {@code hl_getSessionLogsTail} to {@code table}. */
  public void register(HandlerTable.Builder table) {
    table.single("hl_getSessionLogsTail", LogsTailInput.class, this::tail);
  }

  private LogsTailAnswer tail(SessionContext session, LogsTailInput input) {
    input.validate();
    logs.flush();
    return new LogsTailAnswer(
        input.wantsServerLog() ? LogTail.lastLinesBase64(logs.serviceLog(), input.serverLines()) : null,
        input.wantsConnectorLog() ? LogTail.lastLinesBase64(logs.connectorLog(), input.connectorLines()) : null);
  }
}
