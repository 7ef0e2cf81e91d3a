package org.libreconnect.worker.dmp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.DocumentHandles;
import org.libreconnect.dmp.PatientIds;
import org.libreconnect.protocol.command.DmpCommands.AccessibleDmpListAnswer;
import org.libreconnect.protocol.command.DmpCommands.AccessibleDmpListInput;
import org.libreconnect.protocol.command.DmpCommands.AuthorizationsListAnswer;
import org.libreconnect.protocol.command.DmpCommands.AuthorizationsListInput;
import org.libreconnect.protocol.command.DmpCommands.CreateDmpConnectorAnswer;
import org.libreconnect.protocol.command.DmpCommands.CreateDmpConnectorInput;
import org.libreconnect.protocol.command.DmpCommands.DeleteDocumentInput;
import org.libreconnect.protocol.command.DmpCommands.DocumentContentAnswer;
import org.libreconnect.protocol.command.DmpCommands.DocumentContentByUniqueIdInput;
import org.libreconnect.protocol.command.DmpCommands.DocumentContentInput;
import org.libreconnect.protocol.command.DmpCommands.FindDocumentsAnswer;
import org.libreconnect.protocol.command.DmpCommands.FindDocumentsInput;
import org.libreconnect.protocol.command.DmpCommands.PatientInput;
import org.libreconnect.protocol.command.DmpCommands.SendDocumentInput;
import org.libreconnect.protocol.command.DmpCommands.SetConfidentialityLevelInput;
import org.libreconnect.protocol.command.DmpCommands.SetDmpAccessModeInput;
import org.libreconnect.protocol.command.DmpCommands.SetPracticeLocationInput;
import org.libreconnect.protocol.command.DmpCommands.UpdateAuthorizationInput;
import org.libreconnect.protocol.command.DmpCommands.UpdateStatusByUniqueIdInput;
import org.libreconnect.protocol.command.DmpCommands.UpdateVisibilityByUniqueIdInput;
import org.libreconnect.protocol.command.DmpCommands.WebPsUrlsAnswer;
import org.libreconnect.protocol.command.DmpCommands.WebPsUrlsInput;
import org.libreconnect.protocol.command.DocumentFileAnswer;
import org.libreconnect.worker.HandlerTable;
import org.libreconnect.worker.SessionContext;
import org.libreconnect.dmp.errors.NoDmpConnectorException;
import org.libreconnect.dmp.tx.AuthorizationTransactions;
import org.libreconnect.dmp.tx.DocumentRetrieval;
import org.libreconnect.dmp.tx.DocumentSearch;
import org.libreconnect.dmp.tx.DocumentSubmission;
import org.libreconnect.dmp.tx.DocumentUpdate;
import org.libreconnect.dmp.tx.PatientTransactions;
import org.libreconnect.dmp.vihf.AccessMode;

/**
 * The DMP commands (protocol.md §2.8): the connector and its settings, then one command per
 * transaction. Each session holds at most one connector; a new {@code hl_createDmpConnector}
 * replaces it, and a closed session's connector is closed at the next DMP command of the worker.
 */
public final class DmpHandlers {
  private record Held(SessionContext session, DmpConnector connector) {}

  private final DmpConnectorFactory factory;
  private final Map<String, Held> connectors = new ConcurrentHashMap<>();
  private final DmpRecordHandlers records = new DmpRecordHandlers(this);

  private final DocumentFiles documentFiles;

  public DmpHandlers(DmpConnectorFactory factory) {
    this(factory, null);
  }

  /** Handlers that leave the documents of {@code hl_getDocumentContent} in {@code documentFiles}. */
  public DmpHandlers(DmpConnectorFactory factory, DocumentFiles documentFiles) {
    this.factory = factory;
    this.documentFiles = documentFiles;
  }

  /** Adds the DMP commands to {@code table}. */
  public void register(HandlerTable.Builder table) {
    records.register(table);
    table
        .single("hl_createDmpConnector", CreateDmpConnectorInput.class, this::create)
        .single("hl_setPracticeLocation", SetPracticeLocationInput.class, (s, in) -> {
          connector(s).setPracticeLocation(in.cpsPracticeLocationIndice(), in.practiceSetting());
          return null;
        })
        .single("hl_setDmpAccessMode", SetDmpAccessModeInput.class, (s, in) -> {
          connector(s).setAccessMode(AccessMode.ofJs2(in.accessMode()));
          return null;
        })
        .single("hl_setConfidentialityLevel", SetConfidentialityLevelInput.class, (s, in) -> {
          connector(s).setSecretConnection(in.enableSecretConnection() != 0);
          return null;
        })
        .single("hl_getDirectAuthenticationDMPStatus", PatientInput.class,
            (s, in) -> PatientTransactions.existence(connector(s), ins("s_ins", in.insValue())))
        .single("hl_getDmpAdministrativeData", PatientInput.class,
            (s, in) -> PatientTransactions.administrativeData(connector(s), ins("s_ins", in.insValue())))
        .single("hl_updateUserDmpAccessAuthorization", UpdateAuthorizationInput.class, (s, in) -> {
          AuthorizationTransactions.update(connector(s), ins("s_ins", in.ins()), in.action(),
              in.setTreatingPhysician() != null && in.setTreatingPhysician() != 0);
          return null;
        })
        .single("hl_getAccessibleDMPList", AccessibleDmpListInput.class, (s, in) -> new AccessibleDmpListAnswer(
            PatientTransactions.accessibleDmps(connector(s), in.type(), in.date())))
        .single("hl_getDmpAuthorizationsList", AuthorizationsListInput.class, (s, in) -> new AuthorizationsListAnswer(
            AuthorizationTransactions.list(connector(s), ins("s_ins", in.ins()),
                in.authorizationType() == null ? 1 : in.authorizationType())))
        .single("hl_getWebPsDmpUrls", WebPsUrlsInput.class,
            (s, in) -> new WebPsUrlsAnswer(records.webPsUrls(connector(s),
                connector(s).urls().webPsUrls(ins("s_ins", in.ins())))))
        .single("hl_sendDocument", SendDocumentInput.class,
            (s, in) -> DocumentSubmission.send(connector(s), ins("s_ins", in.ins()), in))
        .single("hl_findDocuments", FindDocumentsInput.class, (s, in) -> new FindDocumentsAnswer(
            DocumentSearch.find(connector(s), ins("s_ins", in.insValue()), in)))
        .single("hl_getDocumentContent", DocumentContentInput.class, this::contentByHandle)
        .single("hl_getDocumentContentByUniqueId", DocumentContentByUniqueIdInput.class,
            (s, in) -> DocumentRetrieval.retrieve(connector(s), ins("s_ins", in.ins()), in.documentUniqueId().strip(),
                flag(in.getCdaHeaders()), flag(in.getPerformer())))
        .single("hl_updateDocumentVisibilityByUniqueId", UpdateVisibilityByUniqueIdInput.class, (s, in) -> {
          DocumentUpdate.visibility(connector(s), ins("s_ins", in.ins()), in.documentUniqueId().strip(),
              in.newVisibility());
          return null;
        })
        .single("hl_updateDocumentStatusByUniqueId", UpdateStatusByUniqueIdInput.class, (s, in) -> {
          DocumentUpdate.toggleArchive(connector(s), ins("s_ins", in.ins()), in.documentUniqueId().strip());
          return null;
        })
        .single("hl_deleteDocument", DeleteDocumentInput.class, (s, in) -> {
          DocumentUpdate.delete(connector(s), ins("s_ins", in.ins()), in.uniqueId().strip());
          return null;
        });
  }

  private CreateDmpConnectorAnswer create(SessionContext session, CreateDmpConnectorInput input) {
    purgeClosed();
    DmpConnector connector = factory.create(session, input);
    Held previous = connectors.put(session.sessionId(), new Held(session, connector));
    if (previous != null) {
      previous.connector().close();
    }
    boolean handle = input.getConnectionHandle() != null && input.getConnectionHandle() != 0;
    return new CreateDmpConnectorAnswer(connector.software().instanceId(), handle ? 1 : null);
  }

  private DocumentFileAnswer contentByHandle(SessionContext session, DocumentContentInput input) {
    DmpConnector connector = connector(session);
    DocumentHandles.Entry entry = connector.handles().get(input.documentHandle());
    DocumentContentAnswer content = DocumentRetrieval.retrieve(connector, entry.ins(), entry.uniqueId(),
        flag(input.getCdaHeaders()), flag(input.getPerformer()));
    String filePath = documentFiles == null || content.fileContentInBase64() == null
        ? null
        : documentFiles.write(content.fileContentInBase64(), content.documentFormat());
    return new DocumentFileAnswer(content, filePath);
  }

  /** The session's connector, or the "no DMP connector" error. */
  DmpConnector connector(SessionContext session) {
    purgeClosed();
    Held held = connectors.get(session.sessionId());
    if (held == null) {
      throw new NoDmpConnectorException();
    }
    return held.connector();
  }

  /** The connector {@code session} holds, if any (the object API). */
  java.util.Optional<DmpConnector> held(SessionContext session) {
    Held held = connectors.get(session.sessionId());
    return held != null && held.session().isOpen()
        ? java.util.Optional.of(held.connector()) : java.util.Optional.empty();
  }

  /** The session objects of the DMP connectors, for the low-level object API. */
  public org.libreconnect.worker.objects.ObjectSource objects() {
    return new DmpObjectSource(this::held);
  }

  /** Whether {@code session} holds a DMP connector ({@code hl_getSessionState}). */
  public boolean holdsConnector(SessionContext session) {
    Held held = connectors.get(session.sessionId());
    return held != null && held.session().isOpen();
  }

  private void purgeClosed() {
    connectors.values().removeIf(held -> {
      if (held.session().isOpen()) {
        return false;
      }
      held.connector().close();
      return true;
    });
  }

  private static String ins(String key, String value) {
    return PatientIds.checkIns(key, value);
  }

  private static boolean flag(Integer value) {
    return value == null || value != 0;
  }
}
