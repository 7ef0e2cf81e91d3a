package org.libreconnect.simulator.dmp.check;

import java.util.Map;
import java.util.Set;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Element;

/**
 * The codes the patient service requires of TD1.1 ({@code PRPA_IN201311UV02}) and of the revise
 * message {@code PRPA_IN201314UV02} beyond its schema: the interaction id, the reason code of
 * TD1.2 / TD1.3b / TD1.4, the patient's status ({@code terminated} only to close), and for TD1.4
 * a closing reason from the DMP's table (official example "TD1.4 - Fermer").
 */
final class PatientRecordRules {
  private static final String HL7_INTERACTIONS = "2.16.840.1.113883.1.6";
  private static final String REASON_SYSTEM = "1.2.250.1.213.1.1.4.11";
  private static final String CLOSING_SYSTEM = "1.2.250.1.213.4.1.2.4";
  private static final Set<String> CLOSING_REASONS =
      Set.of("FERMETURE_DEMANDE_PATIENT", "FERMETURE_DECES", "FERMETURE_AUTRE");
  private static final Map<Transaction, String> REASONS = Map.of(
      Transaction.TD1_2, "REACT", Transaction.TD1_3B, "MODIF_DATA", Transaction.TD1_4, "FERM");

  private PatientRecordRules() {}

  static void check(Transaction transaction, Element body) {
    Element interaction = Xml.child(body, Namespaces.HL7, "interactionId").orElseThrow();
    if (!HL7_INTERACTIONS.equals(interaction.getAttribute("root"))
        || !body.getLocalName().equals(interaction.getAttribute("extension"))) {
      throw invalid("interactionId doit être " + body.getLocalName() + "@" + HL7_INTERACTIONS);
    }
    String expected = REASONS.get(transaction);
    if (expected != null) {
      Element reason = Xml.descendant(body, Namespaces.HL7, "reasonCode").orElseThrow(
          () -> invalid("controlActProcess/reasonCode absent"));
      if (!expected.equals(reason.getAttribute("code"))
          || !REASON_SYSTEM.equals(reason.getAttribute("codeSystem"))) {
        throw invalid("reasonCode inconnu (" + expected + "@" + REASON_SYSTEM + " attendu)");
      }
    }
    Element patient = Xml.descendant(body, Namespaces.HL7, "patient").orElseThrow(
        () -> invalid("subject1/patient absent"));
    String status = Xml.child(patient, Namespaces.HL7, "statusCode")
        .map(found -> found.getAttribute("code")).orElse("");
    String wanted = transaction == Transaction.TD1_4 ? "terminated" : "active";
    if (!wanted.equals(status)) {
      throw invalid("patient/statusCode doit être " + wanted + " pour " + transaction.label());
    }
    if (transaction == Transaction.TD1_4) {
      String code = Xml.child(Xml.child(body, Namespaces.HL7, "controlActProcess").orElseThrow(),
              Namespaces.HL7, "reasonOf")
          .flatMap(reasonOf -> Xml.child(reasonOf, Namespaces.HL7, "detectedIssueEvent"))
          .flatMap(issue -> Xml.child(issue, Namespaces.HL7, "code"))
          .filter(found -> CLOSING_SYSTEM.equals(found.getAttribute("codeSystem")))
          .map(found -> found.getAttribute("code")).orElse("");
      if (!CLOSING_REASONS.contains(code)) {
        throw invalid("motif de fermeture absent ou inconnu (reasonOf/detectedIssueEvent/code@"
            + CLOSING_SYSTEM + ")");
      }
    }
  }

  private static DmpException invalid(String detail) {
    return new DmpException(DmpError.INVALID_MESSAGE, "Message invalide : " + detail);
  }
}
