package org.libreconnect.worker.handlers;

import java.util.Base64;
import org.libreconnect.protocol.command.DataCommands.MaximumSessionDataSizeAnswer;
import org.libreconnect.protocol.command.DataCommands.SessionDataAnswer;
import org.libreconnect.protocol.command.DataCommands.SessionDataIdAnswer;
import org.libreconnect.protocol.command.DataCommands.SessionDataIdInput;
import org.libreconnect.protocol.command.DataCommands.SessionDataSizeAnswer;
import org.libreconnect.protocol.command.DataCommands.SetSessionDataInput;
import org.libreconnect.protocol.command.NoInput;
import org.libreconnect.worker.HandlerTable;
import org.libreconnect.worker.SessionContext;

/** The temporary data of a session (spec 2.4): {@code hl_setSessionData} and co. */
public final class SessionDataHandlers {

  /** Adds the six session-data commands to {@code table}. */
  public void register(HandlerTable.Builder table) {
    table
        .single("hl_setSessionData", SetSessionDataInput.class, this::set)
        .single("hl_getSessionData", SessionDataIdInput.class, this::get)
        .single("hl_removeSessionData", SessionDataIdInput.class, this::remove)
        .single("hl_clearSessionData", NoInput.class, this::clear)
        .single("hl_getSessionDataSize", NoInput.class, this::size)
        .single("hl_getMaximumSessionDataSize", NoInput.class, this::maximum);
  }

  private SessionDataIdAnswer set(SessionContext session, SetSessionDataInput input) {
    byte[] data = Base64.getMimeDecoder().decode(input.sessionData64());
    return new SessionDataIdAnswer(session.data().put(input.sessionDataId(), data));
  }

  private SessionDataAnswer get(SessionContext session, SessionDataIdInput input) {
    byte[] data = session.data().get(input.sessionDataId());
    return new SessionDataAnswer(Base64.getEncoder().encodeToString(data));
  }

  private Object remove(SessionContext session, SessionDataIdInput input) {
    session.data().remove(input.sessionDataId());
    return null;
  }

  private Object clear(SessionContext session, NoInput input) {
    session.data().clear();
    return null;
  }

  private SessionDataSizeAnswer size(SessionContext session, NoInput input) {
    return new SessionDataSizeAnswer(session.data().totalBytes());
  }

  private MaximumSessionDataSizeAnswer maximum(SessionContext session, NoInput input) {
    return new MaximumSessionDataSizeAnswer(session.data().maxTotalBytes());
  }
}
