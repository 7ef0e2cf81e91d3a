package org.libreconnect.worker.handlers;

import java.util.Base64;
import org.libreconnect.protocol.command.DataCommands.MaximumPersistentDataSizeAnswer;
import org.libreconnect.protocol.command.DataCommands.PersistentDataAnswer;
import org.libreconnect.protocol.command.DataCommands.PersistentDataSizeAnswer;
import org.libreconnect.protocol.command.DataCommands.SetPersistentDataInput;
import org.libreconnect.protocol.command.NoInput;
import org.libreconnect.worker.HandlerTable;
import org.libreconnect.worker.SessionContext;
import org.libreconnect.worker.data.PersistentDataStore;

/**
 * The persistent data of the session's application (spec 2.4, "Persistant" on the wire): one blob
 * per (origin, application id) that outlives sessions and restarts.
 */
public final class PersistentDataHandlers {
  private final PersistentDataStore store;

  public PersistentDataHandlers(PersistentDataStore store) {
    this.store = store;
  }

  /** Adds the five persistent-data commands to {@code table}. */
  public void register(HandlerTable.Builder table) {
    table
        .single("hl_setPersistantData", SetPersistentDataInput.class, this::set)
        .single("hl_getPersistantData", NoInput.class, this::get)
        .single("hl_clearPersistantData", NoInput.class, this::clear)
        .single("hl_getPersistantDataSize", NoInput.class, this::size)
        .single("hl_getMaximumPersistantDataSize", NoInput.class, this::maximum);
  }

  private Object set(SessionContext session, SetPersistentDataInput input) {
    store.put(owner(session), Base64.getMimeDecoder().decode(input.persistentData64()));
    return null;
  }

  private PersistentDataAnswer get(SessionContext session, NoInput input) {
    return new PersistentDataAnswer(
        Base64.getEncoder().encodeToString(store.get(owner(session))));
  }

  private Object clear(SessionContext session, NoInput input) {
    store.clear(owner(session));
    return null;
  }

  private PersistentDataSizeAnswer size(SessionContext session, NoInput input) {
    return new PersistentDataSizeAnswer(store.size(owner(session)));
  }

  /**
   * Whose data it is: the application id within the origin that opened the session. A page of
   * another origin that sends the same application id has data of its own.
   */
  private static String owner(SessionContext session) {
    String origin = session.origin() == null ? "" : session.origin();
    String application = session.applicationId() == null ? "" : session.applicationId();
    return origin + "\n" + application;
  }

  private MaximumPersistentDataSizeAnswer maximum(SessionContext session, NoInput input) {
    return new MaximumPersistentDataSizeAnswer(store.maxBytes());
  }
}
