package org.libreconnect.worker.objects;

import static org.libreconnect.protocol.objects.ObjectParameter.CONNECTION_PROXY_IP;
import static org.libreconnect.protocol.objects.ObjectParameter.CONNECTION_PROXY_PORT;
import static org.libreconnect.protocol.objects.ObjectParameter.CONNECTION_TIMEOUT;
import static org.libreconnect.protocol.objects.ObjectParameter.CONNECTION_URL;
import static org.libreconnect.protocol.objects.ObjectParameter.CPX_READER_NAME;
import static org.libreconnect.protocol.objects.ObjectParameter.ERROR_CODE;
import static org.libreconnect.protocol.objects.ObjectParameter.ERROR_CONTEXT;
import static org.libreconnect.protocol.objects.ObjectParameter.ERROR_DESCRIPTION;
import static org.libreconnect.protocol.objects.ObjectParameter.ERROR_EXTENDED_INFORMATIONS;
import static org.libreconnect.protocol.objects.ObjectParameter.ERROR_TYPE_CODE;
import static org.libreconnect.protocol.objects.ObjectParameter.PCSC_RESOURCE_NAME;
import static org.libreconnect.protocol.objects.ObjectParameter.VITALE_CARD_TYPE;
import static org.libreconnect.protocol.objects.ObjectParameter.VITALE_CURRENT_READER_NAME;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.libreconnect.protocol.error.ErrorAnswer;
import org.libreconnect.protocol.objects.HandleType;
import org.libreconnect.protocol.objects.ObjectParameter;
import org.libreconnect.worker.ConnectionObject;
import org.libreconnect.worker.SessionContext;
import org.libreconnect.worker.vitale.VitaleCardKind;

/**
 * The objects {@link SessionContext} holds: the error object (always there, empty until a command
 * fails), the connections of {@code hl_createConnection}, the CPx reader and card chosen by {@code
 * hl_getCpxCard} and the Vitale card chosen by {@code hl_getVitaleCard}.
 */
public final class SessionObjectSource implements ObjectSource {
  /** {@code CardDemoStatus}: a real card, or a demonstration/test card. */
  static final int REAL_CARD = 1;
  static final int DEMO_CARD = 2;

  @Override
  public Optional<SessionObject> find(SessionContext session, int handle) {
    if (handle == Handles.ERROR) {
      return Optional.of(error(session));
    }
    if (handle > Handles.DMP_CONNECTION && handle <= Handles.LAST_CONNECTION) {
      List<ConnectionObject> connections = session.connections();
      int index = handle - 2;
      return index < connections.size()
          ? Optional.of(connection(handle, connections.get(index)))
          : Optional.empty();
    }
    if (handle == Handles.CPX_READER) {
      return session.cardSelection().map(card -> SessionObject.of(handle, HandleType.PCSC_RESOURCE,
          Map.of(PCSC_RESOURCE_NAME, card.readerName())));
    }
    if (handle == Handles.CPX_CARD) {
      return session.cardSelection().map(card -> SessionObject.of(handle, HandleType.CPX,
          Map.of(CPX_READER_NAME, card.readerName())));
    }
    if (handle == Handles.VITALE_CARD) {
      return session.vitaleReader().map(reader -> vitale(session, reader));
    }
    return Optional.empty();
  }

  private static SessionObject error(SessionContext session) {
    Map<ObjectParameter, Object> values = new LinkedHashMap<>();
    Optional<ErrorAnswer> error = session.lastError();
    values.put(ERROR_DESCRIPTION, error.map(ErrorAnswer::apiErrorDescription).orElse(""));
    values.put(ERROR_CONTEXT, error.map(ErrorAnswer::apiErrorContext).orElse(""));
    values.put(ERROR_EXTENDED_INFORMATIONS, error.map(ErrorAnswer::apiErrorExtendedInformations).orElse(""));
    values.put(ERROR_CODE, error.map(ErrorAnswer::apiErrorCode).orElse(0));
    values.put(ERROR_TYPE_CODE, error.map(ErrorAnswer::apiErrorType).orElse(0));
    return SessionObject.of(Handles.ERROR, HandleType.ERROR, values);
  }

  /** A connection: its URL, timeout and proxy; the proxy's login and password are not kept. */
  private static SessionObject connection(int handle, ConnectionObject connection) {
    Map<ObjectParameter, Object> values = new LinkedHashMap<>();
    values.put(CONNECTION_URL, connection.server().toString());
    values.put(CONNECTION_TIMEOUT, (int) connection.requestTimeout().toSeconds());
    String proxy = connection.proxy().orElse("");
    int colon = proxy.lastIndexOf(':');
    values.put(CONNECTION_PROXY_IP, colon < 0 ? "" : proxy.substring(0, colon));
    values.put(CONNECTION_PROXY_PORT, colon < 0 ? 0 : Integer.parseInt(proxy.substring(colon + 1)));
    return SessionObject.of(handle, HandleType.CONNECTION, values);
  }

  private static SessionObject vitale(SessionContext session, String reader) {
    Map<ObjectParameter, Object> values = new LinkedHashMap<>();
    values.put(VITALE_CURRENT_READER_NAME, reader);
    session.lastVitaleRead().ifPresent(read -> values.put(VITALE_CARD_TYPE,
        read.kind() == VitaleCardKind.PRODUCTION ? REAL_CARD : DEMO_CARD));
    return SessionObject.of(Handles.VITALE_CARD, HandleType.VITALE, values);
  }
}
