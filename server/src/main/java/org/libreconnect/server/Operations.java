package org.libreconnect.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.PatientIds;
import org.libreconnect.dmp.tx.AuthorizationTransactions;
import org.libreconnect.dmp.tx.DocumentRetrieval;
import org.libreconnect.dmp.tx.DocumentSearch;
import org.libreconnect.dmp.tx.DocumentSubmission;
import org.libreconnect.dmp.tx.DocumentUpdate;
import org.libreconnect.dmp.tx.PatientRecord;
import org.libreconnect.dmp.tx.PatientRecords;
import org.libreconnect.dmp.tx.PatientSearch;
import org.libreconnect.dmp.tx.PatientTransactions;
import org.libreconnect.insi.IdentityTraits;
import org.libreconnect.insi.InsiConnector;
import org.libreconnect.protocol.command.DmpCommands.AccessibleDmpListAnswer;
import org.libreconnect.protocol.command.DmpCommands.AccessibleDmpListInput;
import org.libreconnect.protocol.command.DmpCommands.AdminData;
import org.libreconnect.protocol.command.DmpCommands.AdministrativeDataAnswer;
import org.libreconnect.protocol.command.DmpCommands.DocumentContentAnswer;
import org.libreconnect.protocol.command.DmpCommands.SendDocumentAnswer;
import org.libreconnect.protocol.command.DmpCommands.AuthorizationsListAnswer;
import org.libreconnect.protocol.command.DmpCommands.AuthorizationsListInput;
import org.libreconnect.protocol.command.DmpCommands.DeleteDocumentInput;
import org.libreconnect.protocol.command.DmpCommands.DmpStatusAnswer;
import org.libreconnect.protocol.command.DmpCommands.DocumentContentByUniqueIdInput;
import org.libreconnect.protocol.command.DmpCommands.FindDocumentsAnswer;
import org.libreconnect.protocol.command.DmpCommands.FindDocumentsInput;
import org.libreconnect.protocol.command.DmpCommands.PatientInput;
import org.libreconnect.protocol.command.DmpCommands.SendDocumentInput;
import org.libreconnect.protocol.command.DmpCommands.UpdateAuthorizationInput;
import org.libreconnect.protocol.command.DmpCommands.UpdateStatusByUniqueIdInput;
import org.libreconnect.protocol.command.DmpCommands.UpdateVisibilityByUniqueIdInput;
import org.libreconnect.protocol.command.DmpRecordCommands.CloseDmpInput;
import org.libreconnect.protocol.command.DmpRecordCommands.DmpAdministrativeDataInput;
import org.libreconnect.protocol.command.DmpRecordCommands.FindPatientsAnswer;
import org.libreconnect.protocol.command.DmpRecordCommands.FindPatientsInput;
import org.libreconnect.protocol.command.DmpRecordCommands.MajorityAgeAnswer;
import org.libreconnect.protocol.command.DmpRecordCommands.OtpChannelValueAnswer;
import org.libreconnect.protocol.command.DmpRecordCommands.OtpChannelValueInput;
import org.libreconnect.protocol.command.DmpRecordCommands.ReactivateDmpInput;
import org.libreconnect.protocol.command.DmpRecordCommands.SendDocumentsAnswer;
import org.libreconnect.protocol.command.DmpRecordCommands.SendDocumentsInput;
import org.libreconnect.protocol.command.InsiCommands.CheckInsIdentityInput;
import org.libreconnect.protocol.command.InsiCommands.InsFromIdentityInput;
import org.libreconnect.protocol.command.InsiCommands.InsSearchAnswer;
import org.libreconnect.protocol.command.NoInput;

/**
 * The server mode's operations, {@code POST /<name>}: one per DMP transaction and INSi search of
 * the JS2 surface, with the JS2 command's typed input (same keys) and answer. The one list of them: routing, the
 * caller permissions and the OpenAPI description all read it.
 */
public final class Operations {
  /**
   * One operation: its JS2 command, input and answer types ({@code Void}: the status alone) and
   * what it does with a DMP connector or, for an INSi operation ({@code insiAction} not null), with
   * an INSi connector.
   */
  public record Operation<I extends Record>(String name, String js2Command, String summary,
      Class<I> input, Class<?> answer, BiFunction<DmpConnector, I, Object> action,
      BiFunction<InsiConnector, I, Object> insiAction) {
    /** A DMP operation. */
    public Operation(String name, String js2Command, String summary, Class<I> input, Class<?> answer,
        BiFunction<DmpConnector, I, Object> action) {
      this(name, js2Command, summary, input, answer, action, null);
    }

    /** An INSi operation. */
    static <I extends Record> Operation<I> insi(String name, String js2Command, String summary, Class<I> input,
        Class<?> answer, BiFunction<InsiConnector, I, Object> action) {
      return new Operation<>(name, js2Command, summary, input, answer, null, action);
    }

    /** Whether the operation reaches INSi rather than the DMP. */
    public boolean reachesInsi() {
      return insiAction != null;
    }

    Object run(DmpConnector connector, Record in) {
      return action.apply(connector, input.cast(in));
    }

    Object runInsi(InsiConnector connector, Record in) {
      return insiAction.apply(connector, input.cast(in));
    }
  }

  /** TD0.2 answer as the REST service gives it: the existence test's fields at the top level. */
  public record DmpStatus(
      @JsonProperty("AdminData") AdminData adminData,
      @JsonProperty("i_dmpStatus") int dmpStatus,
      @JsonProperty("i_sex") int sex,
      @JsonProperty("i_userAuthorization") int userAuthorization,
      @JsonProperty("i_webAccessIsOpen") int webAccessIsOpen,
      @JsonProperty("s_closingDate") String closingDate,
      @JsonProperty("s_closingMessage") String closingMessage,
      @JsonProperty("i_treatingPhysician") int treatingPhysician) {
    static DmpStatus of(DmpStatusAnswer answer) {
      var test = answer.existingTestAnswer();
      return new DmpStatus(test.adminData(), test.dmpStatus(), test.sex(), test.userAuthorization(),
          test.webAccessIsOpen(), test.closingDate(), test.closingMessage(), answer.treatingPhysician());
    }
  }

  private static final Map<String, Operation<?>> ALL = new LinkedHashMap<>();

  static {
    add(new Operation<>("getDmpStatus", "hl_getDirectAuthenticationDMPStatus",
        "TD0.2: whether the patient has a DMP and the user's authorisation", PatientInput.class, DmpStatus.class,
        (c, in) -> DmpStatus.of(PatientTransactions.existence(c, ins(in.insValue())))));
    add(new Operation<>("getDmpAdministrativeData", "hl_getDmpAdministrativeData",
        "TD0.3: the patient's administrative data", PatientInput.class, AdministrativeDataAnswer.class,
        (c, in) -> PatientTransactions.administrativeData(c, ins(in.insValue()))));
    add(new Operation<>("updateUserDmpAccessAuthorization", "hl_updateUserDmpAccessAuthorization",
        "TD0.3 habilitations: add (1) or remove (2) the user's authorisation", UpdateAuthorizationInput.class, Void.class,
        (c, in) -> {
          AuthorizationTransactions.update(c, ins(in.ins()), in.action(),
              in.setTreatingPhysician() != null && in.setTreatingPhysician() != 0);
          return null;
        }));
    add(new Operation<>("getDmpAuthorizationsList", "hl_getDmpAuthorizationsList",
        "TD1.6: the professionals authorised on the patient's DMP", AuthorizationsListInput.class, AuthorizationsListAnswer.class,
        (c, in) -> new AuthorizationsListAnswer(AuthorizationTransactions.list(c, ins(in.ins()),
            in.authorizationType() == null ? 1 : in.authorizationType()))));
    add(new Operation<>("getAccessibleDMPList", "hl_getAccessibleDMPList",
        "TD0.4: the DMPs the user recently reached", AccessibleDmpListInput.class, AccessibleDmpListAnswer.class,
        (c, in) -> new AccessibleDmpListAnswer(PatientTransactions.accessibleDmps(c, in.type(), in.date()))));
    add(new Operation<>("findPatients", "hl_findPatients",
        "TD0.5: searches DMPs by the patient's traits, without INS", FindPatientsInput.class, FindPatientsAnswer.class,
        (c, in) -> PatientSearch.find(c, in)));
    add(new Operation<>("createDmp", "hl_createDmp",
        "TD1.1: creates the patient's DMP", DmpAdministrativeDataInput.class, Void.class,
        (c, in) -> {
          PatientRecords.create(c, PatientRecord.of(in.data()));
          return null;
        }));
    add(new Operation<>("reactivateDmp", "hl_reactivateDmp",
        "TD1.2: reopens a closed DMP", ReactivateDmpInput.class, Void.class,
        (c, in) -> {
          PatientRecords.reactivate(c, PatientRecord.of(in));
          return null;
        }));
    add(new Operation<>("updateDmpAdministrativeData", "hl_updateDmpAdministrativeData",
        "TD1.3b: updates the patient's administrative data", DmpAdministrativeDataInput.class, Void.class,
        (c, in) -> {
          PatientRecords.update(c, PatientRecord.of(in.data()));
          return null;
        }));
    add(new Operation<>("closeDmp", "hl_closeDmp",
        "TD1.4: closes the patient's DMP", CloseDmpInput.class, Void.class,
        (c, in) -> {
          PatientRecords.close(c, ins(in.ins()), in.reason(), in.name(), in.given());
          return null;
        }));
    add(new Operation<>("getOtpChannelValue", "hl_getOtpChannelValue",
        "TD1.3a: the patient's mobile phone (1) or e-mail (2) as the DMP holds it", OtpChannelValueInput.class,
        OtpChannelValueAnswer.class, PatientTransactions::otpChannelValue));
    add(new Operation<>("getMajorityAge", "hl_getMajorityAge",
        "the age of majority the DMP applies to minors' records (no DMP call)", NoInput.class, MajorityAgeAnswer.class,
        (c, in) -> new MajorityAgeAnswer(PatientRecords.MAJORITY_AGE)));
    add(new Operation<>("sendDocument", "hl_sendDocument",
        "TD2.1: adds a document to the patient's DMP", SendDocumentInput.class, SendDocumentAnswer.class,
        (c, in) -> DocumentSubmission.send(c, ins(in.ins()), in)));
    add(new Operation<>("sendDocuments", "hl_sendDocuments",
        "TD2.1: adds several documents to the patient's DMP in one submission set", SendDocumentsInput.class,
        SendDocumentsAnswer.class, DocumentSubmission::sendDocuments));
    add(new Operation<>("findDocuments", "hl_findDocuments",
        "TD3.1: searches the patient's documents", FindDocumentsInput.class, FindDocumentsAnswer.class,
        (c, in) -> new FindDocumentsAnswer(DocumentSearch.find(c, ins(in.insValue()), in))));
    add(new Operation<>("getDocumentContentByUniqueId", "hl_getDocumentContentByUniqueId",
        "TD3.2: one document's content", DocumentContentByUniqueIdInput.class, DocumentContentAnswer.class,
        (c, in) -> DocumentRetrieval.retrieve(c, ins(in.ins()), in.documentUniqueId().strip(),
            flag(in.getCdaHeaders()), flag(in.getPerformer()))));
    add(new Operation<>("updateDocumentVisibilityByUniqueId", "hl_updateDocumentVisibilityByUniqueId",
        "TD3.3: changes a document's visibility", UpdateVisibilityByUniqueIdInput.class, Void.class,
        (c, in) -> {
          DocumentUpdate.visibility(c, ins(in.ins()), in.documentUniqueId().strip(), in.newVisibility());
          return null;
        }));
    add(new Operation<>("updateDocumentStatusByUniqueId", "hl_updateDocumentStatusByUniqueId",
        "TD3.3: archives or un-archives a document", UpdateStatusByUniqueIdInput.class, Void.class,
        (c, in) -> {
          DocumentUpdate.toggleArchive(c, ins(in.ins()), in.documentUniqueId().strip());
          return null;
        }));
    add(new Operation<>("deleteDocument", "hl_deleteDocument",
        "TD3.3: deletes a document", DeleteDocumentInput.class, Void.class,
        (c, in) -> {
          DocumentUpdate.delete(c, ins(in.ins()), in.uniqueId().strip());
          return null;
        }));
  }

  static {
    add(Operation.insi("getInsFromIdentityInformation", "hl_getInsFromIdentityInformation",
        "INSi: the patient's INS from their identity traits (rechercherInsAvecTraitsIdentite)",
        InsFromIdentityInput.class, InsSearchAnswer.class,
        (c, in) -> c.searchByTraits(in.lpsInfos(),
            IdentityTraits.of(in.birthName(), in.given(), in.sex(), in.birthDate(), in.birthPlace()))));
    add(Operation.insi("checkInsIdentity", "hl_checkInsIdentity",
        "INSi: whether the INS is the one INSi gives for the identity traits", CheckInsIdentityInput.class,
        Void.class, (c, in) -> {
          c.verify(in.lpsInfos(), InsiConnector.InsToCheck.of(in));
          return null;
        }));
  }

  private Operations() {}

  private static void add(Operation<?> operation) {
    ALL.put(operation.name(), operation);
  }

  /** The operation {@code name}, if there is one. */
  public static Optional<Operation<?>> find(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  /** Every operation, in documentation order. */
  public static Iterable<Operation<?>> all() {
    return ALL.values();
  }

  private static String ins(String value) {
    return PatientIds.checkIns("s_ins", value);
  }

  private static boolean flag(Integer value) {
    return value == null || value != 0;
  }
}
