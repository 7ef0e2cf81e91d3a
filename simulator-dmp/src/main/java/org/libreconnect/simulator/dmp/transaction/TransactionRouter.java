package org.libreconnect.simulator.dmp.transaction;

import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Element;

/** Finds the transaction from the body root (dmp.md §6.3 item 2), not from paths or Actions. */
public final class TransactionRouter {
  private static final QName PATIENT_QUERY = new QName(Namespaces.HL7, "PRPA_IN201307UV02");
  private static final QName PATIENT_ADD = new QName(Namespaces.HL7, "PRPA_IN201311UV02");
  private static final QName PATIENT_REVISE = new QName(Namespaces.HL7, "PRPA_IN201314UV02");
  private static final Map<QName, Transaction> BY_ROOT = Map.of(
      new QName(Namespaces.HL7, "PRPA_IN201305UV02"), Transaction.TD0_5,
      new QName(Namespaces.HABILITATIONS, "setAuthorization"), Transaction.TD0_3,
      new QName(Namespaces.PATIENTS, "patientList"), Transaction.TD0_4,
      new QName(Namespaces.HABILITATIONS, "listAuthorizationByPatient"), Transaction.TD1_6,
      new QName(Namespaces.XDSB, "ProvideAndRegisterDocumentSetRequest"), Transaction.TD2_1,
      new QName(Namespaces.QUERY, "AdhocQueryRequest"), Transaction.TD3_1,
      new QName(Namespaces.XDSB, "RetrieveDocumentSetRequest"), Transaction.TD3_2,
      new QName(Namespaces.LCM, "SubmitObjectsRequest"), Transaction.TD3_3);

  /**
   * The transaction of the body root {@code root}; TD0.2 and TD1.3a differ by reasonCode, and so
   * do TD1.2, TD1.3b and TD1.4 (REACT, MODIF_DATA, FERM).
   */
  public Optional<Transaction> resolve(Element root) {
    QName name = new QName(root.getNamespaceURI(), root.getLocalName());
    if (name.equals(PATIENT_QUERY)) {
      boolean consultation = Xml.descendant(root, Namespaces.HL7, "reasonCode")
          .map(reason -> "CNSLT_DATA".equals(reason.getAttribute("code")))
          .orElse(false);
      return Optional.of(consultation ? Transaction.TD1_3A : Transaction.TD0_2);
    }
    if (name.equals(PATIENT_ADD)) {
      return Optional.of(Transaction.TD1_1);
    }
    if (name.equals(PATIENT_REVISE)) {
      String reason = Xml.descendant(root, Namespaces.HL7, "reasonCode")
          .map(found -> found.getAttribute("code")).orElse("");
      return Optional.of(switch (reason) {
        case "FERM" -> Transaction.TD1_4;
        case "REACT" -> Transaction.TD1_2;
        default -> Transaction.TD1_3B;
      });
    }
    return Optional.ofNullable(BY_ROOT.get(name));
  }
}
