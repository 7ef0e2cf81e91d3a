package org.libreconnect.worker.handlers;

import java.util.function.Predicate;
import org.libreconnect.protocol.command.NoInput;
import org.libreconnect.protocol.command.SessionCommands.SessionStateAnswer;
import org.libreconnect.worker.HandlerTable;
import org.libreconnect.worker.SessionContext;
import org.libreconnect.worker.card.CardSelection;

/**
 * {@code hl_getSessionState}: the handles of the objects the session holds, 0 when absent: the
 * reader and card chosen by {@code hl_getCpxCard}, the Vitale card chosen by {@code
 * hl_getVitaleCard}, the DMP connector with its connection, practice location and user (handle 1
 * each), the first connection of {@code hl_createConnection} when there is no DMP connector, and
 * the INSi connector ({@code i_insiConnector}, a key the JS2 documentation does not list).
 */
public final class SessionStateHandler {
  private final Predicate<SessionContext> dmpConnector;
  private final Predicate<SessionContext> insiConnector;

  /** A handler for a worker without DMP or INSi connectors (tests). */
  public SessionStateHandler() {
    this(session -> false, session -> false);
  }

  /** A handler that asks {@code dmpConnector} and {@code insiConnector} what a session holds. */
  public SessionStateHandler(
      Predicate<SessionContext> dmpConnector, Predicate<SessionContext> insiConnector) {
    this.dmpConnector = dmpConnector;
    this.insiConnector = insiConnector;
  }

  /** Adds {@code hl_getSessionState} to {@code table}. */
  public void register(HandlerTable.Builder table) {
    table.single("hl_getSessionState", NoInput.class, (session, input) -> stateOf(session));
  }

  /** The state of {@code session}. */
  SessionStateAnswer stateOf(SessionContext session) {
    int cpxReader = session.cardSelection().map(CardSelection::readerHandle).orElse(0);
    int cpxCard = session.cardSelection().map(CardSelection::cardHandle).orElse(0);
    int vitaleCard = session.vitaleReader().isPresent() ? 1 : 0;
    boolean dmp = dmpConnector.test(session);
    int connection = dmp ? 1 : session.connections().isEmpty() ? 0 : 2;
    return new SessionStateAnswer(
        0,
        cpxReader,
        cpxCard,
        vitaleCard,
        dmp ? 1 : 0,
        0,
        connection,
        0,
        dmp ? 1 : 0,
        dmp ? 1 : 0,
        0,
        insiConnector.test(session) ? 1 : 0);
  }
}
