package org.libreconnect.worker;

import java.util.Optional;
import java.util.concurrent.Executor;
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.worker.card.CardSelection;
import org.libreconnect.worker.data.SessionDataStore;
import org.libreconnect.worker.vitale.VitaleRead;

/**
 * What the worker holds for one JS2 session: who opened it, its temporary data, and the queue that
 * runs its commands one at a time. Later work adds the card and DMP objects here.
 */
public final class SessionContext {
  private final String sessionId;
  private final String applicationId;
  private final String userName;
  private final String domainName;
  private final String origin;
  private final SessionDataStore data;
  private final Executor commands;
  private volatile boolean open = true;
  private volatile CardSelection cardSelection;
  private volatile String vitaleReader;
  private volatile VitaleRead vitaleRead;
  private volatile org.libreconnect.protocol.error.ErrorAnswer lastError;
  private final java.util.List<ConnectionObject> connections =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  SessionContext(
      String sessionId,
      String applicationId,
      String userName,
      String domainName,
      String origin,
      SessionDataStore data,
      Executor commands) {
    this.sessionId = sessionId;
    this.applicationId = applicationId;
    this.userName = userName;
    this.domainName = domainName;
    this.origin = origin;
    this.data = data;
    this.commands = commands;
  }

  public String sessionId() {
    return sessionId;
  }

  /** The {@code s_applicationId} the session was opened with; may be null or empty. */
  public String applicationId() {
    return applicationId;
  }

  public String userName() {
    return userName;
  }

  public String domainName() {
    return domainName;
  }

  /** The browser origin that opened the session. */
  public String origin() {
    return origin;
  }

  /** The session's temporary data ({@code hl_setSessionData} and co.). */
  public SessionDataStore data() {
    return data;
  }

  /** Runs the session's commands one at a time, in arrival order. */
  Executor commands() {
    return commands;
  }

  /** The reader and card chosen by {@code hl_getCpxCard}, if any. */
  public Optional<CardSelection> cardSelection() {
    return Optional.ofNullable(cardSelection);
  }

  /** Records the reader and card chosen by {@code hl_getCpxCard}; null forgets them. */
  public void selectCard(CardSelection selection) {
    cardSelection = selection;
  }

  /** The reader chosen by {@code hl_getVitaleCard}, if any. */
  public Optional<String> vitaleReader() {
    return Optional.ofNullable(vitaleReader);
  }

  /** Records the reader chosen by {@code hl_getVitaleCard}; the previous read is forgotten. */
  public void selectVitaleReader(String readerName) {
    vitaleReader = readerName;
    vitaleRead = null;
  }

  /**
   * The session's last successful Vitale card read ({@code hl_readVitaleCard}), with its
   * beneficiaries in {@code Patients[]} order; empty before the first one, after a read that found
   * no readable card, and after another {@code hl_getVitaleCard}.
   */
  public Optional<VitaleRead> lastVitaleRead() {
    return Optional.ofNullable(vitaleRead);
  }

  /** Records the outcome of {@code hl_readVitaleCard}: a read, or null when no card was read. */
  public void recordVitaleRead(VitaleRead read) {
    vitaleRead = read;
  }

  /**
   * Records a connection made by {@code hl_createConnection}; returns its handle. Handle 1 is the
   * connection of the session's DMP connector ({@code i_connectionHandle} of {@code
   * hl_createDmpConnector}), so these start at 2.
   */
  public int addConnection(ConnectionObject connection) {
    synchronized (connections) {
      connections.add(connection);
      return connections.size() + 1;
    }
  }

  /** The connections made by {@code hl_createConnection}, in handle order (2, 3…). */
  public java.util.List<ConnectionObject> connections() {
    return java.util.List.copyOf(connections);
  }

  /**
   * The error answer of the session's last failed command: the content of its error object
   * ({@code i_error} of {@code hl_getSessionState}); empty when none failed since the last {@code
   * releaseErrorObject}. An error answer never holds a PIN, a session id or an input value.
   */
  public Optional<org.libreconnect.protocol.error.ErrorAnswer> lastError() {
    return Optional.ofNullable(lastError);
  }

  /** Records the error answer of a failed command; null empties the error object. */
  public void recordError(org.libreconnect.protocol.error.ErrorAnswer error) {
    lastError = error;
  }

  /** False once the session was closed; queued commands then answer "invalid session". */
  public boolean isOpen() {
    return open;
  }

  void markClosed() {
    open = false;
  }

  @Override
  public String toString() {
    return "SessionContext[" + SessionIds.shortForm(sessionId) + ", app=" + applicationId + "]";
  }
}
