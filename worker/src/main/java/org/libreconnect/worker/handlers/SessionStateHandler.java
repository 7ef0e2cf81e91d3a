package org.libreconnect.worker.handlers;

import java.util.function.Predicate;
import org.libreconnect.protocol.command.NoInput;
import org.libreconnect.protocol.command.SessionCommands.SessionStateAnswer;
import org.libreconnect.worker.HandlerTable;
import org.libreconnect.worker.SessionContext;
import org.libreconnect.worker.objects.Handles;

/**
 * {@code hl_getSessionState}: the handles of the objects the session holds, 0 when absent: the
 * error object once a command failed, the reader and card chosen by {@code hl_getCpxCard}, the
 * Vitale card chosen by {@code hl_getVitaleCard}, the DMP connector with its connection, practice
 * location and user, the first connection of {@code hl_createConnection} when there is no DMP
 * connector (each inspectable through the object API), and the INSi connector ({@code
 * i_insiConnector}, a key the JS2 documentation does not list; 1 when present).
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

  /** The state of {@code session}: the handles of the low-level object API ({@link Handles}). */
  SessionStateAnswer stateOf(SessionContext session) {
    boolean card = session.cardSelection().isPresent();
    boolean dmp = dmpConnector.test(session);
    int connection = dmp ? Handles.DMP_CONNECTION : session.connections().isEmpty() ? 0 : 2;
    return new SessionStateAnswer(
        session.lastError().isPresent() ? Handles.ERROR : 0,
        card ? Handles.CPX_READER : 0,
        card ? Handles.CPX_CARD : 0,
        session.vitaleReader().isPresent() ? Handles.VITALE_CARD : 0,
        dmp ? Handles.PRACTICE_LOCATION : 0,
        0,
        connection,
        0,
        dmp ? Handles.USER : 0,
        dmp ? Handles.DMP_CONNECTOR : 0,
        0,
        insiConnector.test(session) ? 1 : 0);
  }
}
