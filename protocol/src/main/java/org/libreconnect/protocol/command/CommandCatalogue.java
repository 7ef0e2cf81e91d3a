package org.libreconnect.protocol.command;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.libreconnect.protocol.command.CardCommands.CpxCardMonitoringInput;
import org.libreconnect.protocol.command.CardCommands.GetCpxCardInput;
import org.libreconnect.protocol.command.CardCommands.ReadCpxCardInput;
import org.libreconnect.protocol.command.CardCommands.SignWithCpxCardInput;
import org.libreconnect.protocol.command.DataCommands.SessionDataIdInput;
import org.libreconnect.protocol.command.DataCommands.SetPersistentDataInput;
import org.libreconnect.protocol.command.DataCommands.SetSessionDataInput;
import org.libreconnect.protocol.command.DateCommands.BirthDateInput;
import org.libreconnect.protocol.command.DateCommands.LunarDateInput;
import org.libreconnect.protocol.command.LogCommands.LogLevels;
import org.libreconnect.protocol.command.LogCommands.LogsTailInput;
import org.libreconnect.protocol.command.SessionCommands.OpenSessionInput;

/**
 * The commands this connector serves: name, input type, serving process. A name that is not
 * here is answered with an "unknown command" error, never an exception.
 */
public final class CommandCatalogue {
  private final Map<String, CommandSpec> specs;

  private CommandCatalogue(Map<String, CommandSpec> specs) {
    this.specs = Collections.unmodifiableMap(specs);
  }

  /** The catalogue of the commands implemented so far. */
  public static CommandCatalogue standard() {
    Builder b = new Builder();
    // Sessions and housekeeping (spec 2.1, 2.6): the master serves these itself.
    b.master("hl_openSession", OpenSessionInput.class, false);
    b.master("hl_closeSession", NoInput.class, true);
    b.master("getLogsTail", LogsTailInput.class, false);
    b.master("getLogLevels", NoInput.class, false);
    b.master("setLogLevels", LogLevels.class, false);
    // Everything below runs in the worker that holds the session.
    b.worker("hl_getSessionState", NoInput.class);
    b.worker("hl_getSessionLogsTail", LogsTailInput.class);
    b.persistent("hl_startDummyMonitoring", NoInput.class);
    // Session data and persistent data (spec 2.4).
    b.worker("hl_setSessionData", SetSessionDataInput.class);
    b.worker("hl_getSessionData", SessionDataIdInput.class);
    b.worker("hl_removeSessionData", SessionDataIdInput.class);
    b.worker("hl_clearSessionData", NoInput.class);
    b.worker("hl_getSessionDataSize", NoInput.class);
    b.worker("hl_getMaximumSessionDataSize", NoInput.class);
    b.worker("hl_setPersistantData", SetPersistentDataInput.class);
    b.worker("hl_getPersistantData", NoInput.class);
    b.worker("hl_clearPersistantData", NoInput.class);
    b.worker("hl_getPersistantDataSize", NoInput.class);
    b.worker("hl_getMaximumPersistantDataSize", NoInput.class);
    // Readers and CPx cards (spec 2.2).
    b.worker("hl_getPcscReaders", NoInput.class);
    b.worker("hl_getCpxCard", GetCpxCardInput.class);
    b.worker("hl_getCpxStatus", NoInput.class);
    b.worker("hl_readCpxCard", ReadCpxCardInput.class);
    b.worker("hl_signWithCpxCard", SignWithCpxCardInput.class);
    b.persistent("hl_startCpxCardMonitoring", CpxCardMonitoringInput.class);
    // Vitale card (spec 2.2, 5.4).
    b.worker("hl_getVitaleCard", VitaleCommands.GetVitaleCardInput.class);
    b.worker("hl_readVitaleCard", NoInput.class);
    b.persistent("hl_startVitaleCardMonitoring", VitaleCommands.VitaleCardMonitoringInput.class);
    // Date utilities (spec 2.7).
    b.worker("hl_convertLunarDateToStandardDate", LunarDateInput.class);
    b.worker("hl_computeBirthDayCentury", BirthDateInput.class);
    b.worker("hl_regularizeBirthDateIfNeeded", BirthDateInput.class);
    // DMP (spec 2.8): the connector, its settings, and one command per transaction.
    b.worker("hl_createDmpConnector", DmpCommands.CreateDmpConnectorInput.class);
    b.worker("hl_setPracticeLocation", DmpCommands.SetPracticeLocationInput.class);
    b.worker("hl_setDmpAccessMode", DmpCommands.SetDmpAccessModeInput.class);
    b.worker("hl_setConfidentialityLevel", DmpCommands.SetConfidentialityLevelInput.class);
    b.worker("hl_getDirectAuthenticationDMPStatus", DmpCommands.PatientInput.class);
    b.worker("hl_updateUserDmpAccessAuthorization", DmpCommands.UpdateAuthorizationInput.class);
    b.worker("hl_getAccessibleDMPList", DmpCommands.AccessibleDmpListInput.class);
    b.worker("hl_getDmpAdministrativeData", DmpCommands.PatientInput.class);
    b.worker("hl_getDmpAuthorizationsList", DmpCommands.AuthorizationsListInput.class);
    b.worker("hl_getWebPsDmpUrls", DmpCommands.WebPsUrlsInput.class);
    b.worker("hl_sendDocument", DmpCommands.SendDocumentInput.class);
    b.worker("hl_findDocuments", DmpCommands.FindDocumentsInput.class);
    b.worker("hl_getDocumentContent", DmpCommands.DocumentContentInput.class);
    b.worker("hl_getDocumentContentByUniqueId", DmpCommands.DocumentContentByUniqueIdInput.class);
    b.worker(
        "hl_updateDocumentVisibilityByUniqueId", DmpCommands.UpdateVisibilityByUniqueIdInput.class);
    b.worker("hl_updateDocumentStatusByUniqueId", DmpCommands.UpdateStatusByUniqueIdInput.class);
    b.worker("hl_deleteDocument", DmpCommands.DeleteDocumentInput.class);
    DmpRecordCommands.register(b);
    // INSi (spec 2.9): the connector and the identity searches.
    b.worker("hl_createInsiConnector", InsiCommands.CreateInsiConnectorInput.class);
    b.worker("hl_getInsFromIdentityInformation", InsiCommands.InsFromIdentityInput.class);
    b.worker("hl_checkInsIdentity", InsiCommands.CheckInsIdentityInput.class);
    b.worker("hl_getInsFromVitaleCard", InsiCommands.InsFromVitaleCardInput.class);
    // Licence, connection, session existence, debug (spec 2.1, 2.7).
    HousekeepingCommands.addTo(b);
    // Virtual printer (spec 2.3).
    PrinterCommands.addTo(b);
    // Object inspection and low-level API (spec 2.5).
    ObjectCommands.addTo(b);
    return b.build();
  }

  /** The spec of {@code name}, matched exactly (JS2 command names are case-sensitive). */
  public Optional<CommandSpec> find(String name) {
    return Optional.ofNullable(specs.get(name));
  }

  /**
   * The spec whose name, lower-cased, is {@code lowerCaseName}: the REST form {@code
   * /api/hl_opensession}.
   */
  public Optional<CommandSpec> findByLowerCaseName(String lowerCaseName) {
    return specs.values().stream()
        .filter(spec -> spec.name().toLowerCase(java.util.Locale.ROOT).equals(lowerCaseName))
        .findFirst();
  }

  public Collection<CommandSpec> all() {
    return specs.values();
  }

  /** Assembles a catalogue; tests use it to build smaller ones. */
  public static final class Builder {
    private final Map<String, CommandSpec> specs = new LinkedHashMap<>();

    public Builder master(String name, Class<? extends Record> input, boolean needsSession) {
      return add(new CommandSpec(name, input, Target.MASTER, needsSession, false, budget(name)));
    }

    public Builder worker(String name, Class<? extends Record> input) {
      return add(new CommandSpec(name, input, Target.WORKER, true, false, budget(name)));
    }

    public Builder persistent(String name, Class<? extends Record> input) {
      return add(new CommandSpec(name, input, Target.WORKER, true, true, budget(name)));
    }

    /** A worker command that the spec does not list (tests), with its own budget. */
    public Builder worker(String name, Class<? extends Record> input, java.time.Duration budget) {
      return add(new CommandSpec(name, input, Target.WORKER, true, false, budget));
    }

    /** A persistent command that the spec does not list (tests), with its own budget. */
    public Builder persistent(
        String name, Class<? extends Record> input, java.time.Duration budget) {
      return add(new CommandSpec(name, input, Target.WORKER, true, true, budget));
    }

    private static java.time.Duration budget(String name) {
      return AnswerBudgets.of(name)
          .orElseThrow(() -> new IllegalArgumentException("No answer budget for " + name));
    }

    public Builder add(CommandSpec spec) {
      if (specs.putIfAbsent(spec.name(), spec) != null) {
        throw new IllegalArgumentException("Command listed twice: " + spec.name());
      }
      return this;
    }

    public CommandCatalogue build() {
      return new CommandCatalogue(new LinkedHashMap<>(specs));
    }
  }
}
