package org.libreconnect.simulator.dmp.check;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Element;

/**
 * The checks every request passes before its VIHF is read, as the DMP's own front does: the
 * WS-Addressing Action names the operation of the body, the body is valid against the official
 * schema of that operation, and an HL7v3 query carries the interaction and reason codes of the
 * DMP's patient service (docs/dmp-simulator.md, "Official schemas and code lists").
 */
public final class RequestRules {
  private static final String HL7_INTERACTIONS = "2.16.840.1.113883.1.6";
  private static final String REASON_SYSTEM = "1.2.250.1.213.1.1.4.11";

  /**
   * The Actions of each operation: the official example requests' and the WSDLs' soapAction
   * where they differ (Habilitations.wsdl names its operations urn:hl7-org:v3:…).
   */
  private static final Map<Transaction, Set<String>> ACTIONS = Map.ofEntries(
      Map.entry(Transaction.TD1_1, Set.of("urn:hl7-org:v3:PRPA_IN201311UV02")),
      Map.entry(Transaction.TD1_2, Set.of("urn:hl7-org:v3:PRPA_IN201314UV02")),
      Map.entry(Transaction.TD1_3B, Set.of("urn:hl7-org:v3:PRPA_IN201314UV02")),
      Map.entry(Transaction.TD1_4, Set.of("urn:hl7-org:v3:PRPA_IN201314UV02")),
      Map.entry(Transaction.TD0_2, Set.of("urn:hl7-org:v3:PRPA_IN201307UV02")),
      Map.entry(Transaction.TD1_3A, Set.of("urn:hl7-org:v3:PRPA_IN201307UV02")),
      Map.entry(Transaction.TD0_5, Set.of("urn:hl7-org:v3:PRPA_IN201305UV02")),
      Map.entry(Transaction.TD0_3, Set.of(
          "urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization",
          "urn:hl7-org:v3:setAuthorization")),
      Map.entry(Transaction.TD0_4,
          Set.of("urn:si-dmp-patients:PatientSpecificEndPoint:patientList")),
      Map.entry(Transaction.TD1_6, Set.of(
          "urn:si-dmp-habilitations:HabilitationsEndPoint:listAuthorizationByPatient",
          "urn:hl7-org:v3:listAuthorizationByPatient")),
      Map.entry(Transaction.TD2_1, Set.of("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b")),
      Map.entry(Transaction.TD3_1, Set.of("urn:ihe:iti:2007:RegistryStoredQuery")),
      Map.entry(Transaction.TD3_2, Set.of("urn:ihe:iti:2007:RetrieveDocumentSet")),
      Map.entry(Transaction.TD3_3, Set.of("urn:ihe:iti:2010:UpdateDocumentSet")));

  private static final Map<Transaction, String> SCHEMAS = Map.ofEntries(
      Map.entry(Transaction.TD1_1, OfficialSchemas.HL7_PATIENT_ADD),
      Map.entry(Transaction.TD1_2, OfficialSchemas.HL7_PATIENT_REVISE),
      Map.entry(Transaction.TD1_3B, OfficialSchemas.HL7_PATIENT_REVISE),
      Map.entry(Transaction.TD1_4, OfficialSchemas.HL7_PATIENT_REVISE),
      Map.entry(Transaction.TD0_2, OfficialSchemas.HL7_PATIENT_QUERY),
      Map.entry(Transaction.TD1_3A, OfficialSchemas.HL7_PATIENT_QUERY),
      Map.entry(Transaction.TD0_5, OfficialSchemas.HL7_PATIENT_FIND),
      Map.entry(Transaction.TD0_3, OfficialSchemas.HABILITATIONS),
      Map.entry(Transaction.TD0_4, OfficialSchemas.PATIENTS_SPECIFIC),
      Map.entry(Transaction.TD1_6, OfficialSchemas.HABILITATIONS),
      Map.entry(Transaction.TD2_1, OfficialSchemas.XDS_REPOSITORY),
      Map.entry(Transaction.TD3_1, OfficialSchemas.EBRS_QUERY),
      Map.entry(Transaction.TD3_2, OfficialSchemas.XDS_REPOSITORY),
      Map.entry(Transaction.TD3_3, OfficialSchemas.EBRS_LCM));

  /**
   * Checks {@code action} and {@code body} for {@code transaction}.
   *
   * @throws DmpException {@code wsa:ActionNotSupported} for an Action of another operation; the
   *     transaction's "invalid message" error for a body the official schema refuses or for HL7
   *     codes the service does not know
   */
  public void check(Transaction transaction, String action, Element body) {
    if (!ACTIONS.get(transaction).contains(action.trim())) {
      throw new DmpException(DmpError.ACTION_NOT_SUPPORTED,
          DmpError.ACTION_NOT_SUPPORTED.text() + " : l'Action ne correspond pas à l'opération "
              + transaction.label());
    }
    List<String> errors = schemaErrors(transaction, body);
    if (!errors.isEmpty()) {
      throw new DmpException(invalidBody(transaction), "Message invalide : le corps de "
          + transaction.label() + " n'est pas conforme au schéma officiel " + SCHEMAS.get(transaction)
          + " (" + errors.size() + " erreur(s), première : " + ruleOf(errors.get(0)) + ")");
    }
    if (transaction.hl7Query()) {
      checkHl7Query(transaction, body);
    } else if (transaction == Transaction.TD0_5) {
      PatientSearchRules.check(body);
    } else if (transaction.channel() == Transaction.Channel.HL7_ACK) {
      PatientRecordRules.check(transaction, body);
    }
  }

  /** Every schema error of {@code body} as the request of {@code transaction}, with positions. */
  public static List<String> schemaErrors(Transaction transaction, Element body) {
    return OfficialSchemas.errors(SCHEMAS.get(transaction), StandaloneBody.of(body));
  }

  /** The error of a refused body: an XDS error on the XDS services, a SOAP fault elsewhere. */
  static DmpError invalidBody(Transaction transaction) {
    return switch (transaction) {
      case TD2_1, TD3_3 -> DmpError.XDS_REGISTRY_METADATA;
      case TD3_1 -> DmpError.XDS_REGISTRY;
      case TD3_2 -> DmpError.XDS_REPOSITORY;
      default -> DmpError.INVALID_MESSAGE;
    };
  }

  private static void checkHl7Query(Transaction transaction, Element body) {
    Element interaction = Xml.child(body, Namespaces.HL7, "interactionId").orElseThrow();
    if (!HL7_INTERACTIONS.equals(interaction.getAttribute("root"))
        || !body.getLocalName().equals(interaction.getAttribute("extension"))) {
      throw new DmpException(DmpError.INVALID_MESSAGE,
          "Message invalide : interactionId doit être " + body.getLocalName() + "@"
              + HL7_INTERACTIONS);
    }
    Element reason = Xml.descendant(body, Namespaces.HL7, "reasonCode").orElseThrow(
        () -> new DmpException(DmpError.INVALID_MESSAGE,
            "Message invalide : controlActProcess/reasonCode absent (TEST_EXST ou CNSLT_DATA)"));
    String expected = transaction == Transaction.TD1_3A ? "CNSLT_DATA" : "TEST_EXST";
    if (!expected.equals(reason.getAttribute("code"))
        || !REASON_SYSTEM.equals(reason.getAttribute("codeSystem"))) {
      throw new DmpException(DmpError.INVALID_MESSAGE,
          "Message invalide : reasonCode inconnu (TEST_EXST ou CNSLT_DATA@" + REASON_SYSTEM + ")");
    }
  }

  /** The rule a Xerces message names ("cvc-complex-type.2.4.a"), never the value it quotes. */
  private static String ruleOf(String error) {
    String message = error.substring(error.indexOf(' ') + 1);
    int colon = message.indexOf(':');
    return colon > 0 && message.startsWith("cvc-") ? message.substring(0, colon) : "erreur XML";
  }
}
