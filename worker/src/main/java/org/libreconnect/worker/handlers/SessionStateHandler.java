package org.libreconnect.worker.handlers;

import org.libreconnect.protocol.command.NoInput;
import org.libreconnect.protocol.command.SessionCommands.SessionStateAnswer;
import org.libreconnect.worker.HandlerTable;
import org.libreconnect.worker.SessionContext;
import org.libreconnect.worker.card.CardSelection;

/**
 * {@code hl_getSessionState}: the handles of the objects the session holds, 0 when absent: the
 * reader and card chosen by {@code hl_getCpxCard} so far.
 */
public final class SessionStateHandler {

  /** Adds {@code hl_getSessionState} to {@code table}. */
  public void register(HandlerTable.Builder table) {
    table.single("hl_getSessionState", NoInput.class, (session, input) -> stateOf(session));
  }

  /** The state of {@code session}; fill each handle here once the session holds that object. */
  SessionStateAnswer stateOf(SessionContext session) {
    int error = 0;
    int cpxReader = session.cardSelection().map(CardSelection::readerHandle).orElse(0);
    int cpxCard = session.cardSelection().map(CardSelection::cardHandle).orElse(0);
    int vitaleCard = session.vitaleReader().isPresent() ? 1 : 0;
    int practiceLocation = 0;
    int authToken = 0;
    int connection = 0;
    int caCert = 0;
    int user = 0;
    int dmpConnector = 0;
    int documentsFound = 0;
    return new SessionStateAnswer(
        error,
        cpxReader,
        cpxCard,
        vitaleCard,
        practiceLocation,
        authToken,
        connection,
        caCert,
        user,
        dmpConnector,
        documentsFound);
  }
}
