package org.libreconnect.simulator.dmp.transaction;

import org.libreconnect.simulator.dmp.soap.Hl7Answer;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.soap.XmlWriter;
import org.libreconnect.simulator.dmp.store.AuthorizationState;
import org.libreconnect.simulator.dmp.store.DmpState;
import org.libreconnect.simulator.dmp.store.Ins;
import org.libreconnect.simulator.dmp.store.Patient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes the PRPA_IN201308UV02 answer of TD0.2 and TD1.3a (dmp.md §2.2). */
final class PatientRecordWriter {
  private static final String OBSERVATIONS = "1.2.250.1.213.4.1.2.3";

  private PatientRecordWriter() {}

  /** The answer for a patient without a DMP: acknowledged, {@code queryResponseCode NF}. */
  static Element notFound(Element request, java.time.Instant now) {
    Document document = Xml.newDocument();
    Element root = Hl7Answer.start(document, request, now);
    Hl7Answer.acknowledge(root, request, null, null);
    Element controlAct = controlAct(root, request);
    Hl7Answer.queryAck(controlAct, request, "NF");
    return root;
  }

  /**
   * The answer for {@code patient}'s DMP with the caller's {@code authorization} and treating
   * physician flag; {@code detailed} adds TD1.3a's administrative data.
   */
  static Element found(Element request, java.time.Instant now, Patient patient,
      AuthorizationState authorization, boolean treatingPhysician, boolean detailed) {
    Document document = Xml.newDocument();
    XmlWriter hl7 = new XmlWriter(document, Namespaces.HL7, null);
    Element root = Hl7Answer.start(document, request, now);
    Element line = hl7.add(root, "attentionLine");
    hl7.add(line, "keyWordText", "code", "AUTORISATION", "codeSystem", "1.2.250.1.213.4.1.2.6.1");
    XmlWriter.xsiType(hl7.add(line, "value", "code", authorization.name(),
        "codeSystem", "1.2.250.1.213.4.1.2.6.2"), "CV");
    line = hl7.add(root, "attentionLine");
    hl7.add(line, "keyWordText", "code", "STATUT_MT", "codeSystem", "1.2.250.1.213.4.1.2.6.3");
    XmlWriter.xsiType(hl7.add(line, "value", "value", Boolean.toString(treatingPhysician)), "BL");
    Hl7Answer.acknowledge(root, request, null, null);
    Element controlAct = controlAct(root, request);
    Element event = hl7.add(hl7.add(controlAct, "subject", "typeCode", "SUBJ",
        "contextConductionInd", "false"), "registrationEvent", "classCode", "REG",
        "moodCode", "EVN");
    hl7.add(event, "statusCode", "code", "completed");
    Element patientElement = hl7.add(hl7.add(event, "subject1", "typeCode", "SBJ"), "patient",
        "classCode", "PAT");
    if (patient.insC() != null) {
      hl7.add(patientElement, "id", "root", Ins.INS_C_OID, "extension", patient.insC());
    }
    hl7.add(patientElement, "id", "root", patient.ins().oid(), "extension", patient.ins().value());
    hl7.add(patientElement, "statusCode", "code",
        patient.state() == DmpState.CLOSED ? "terminated" : "active");
    person(hl7, patientElement, patient, detailed);
    if (detailed) {
      observation(hl7, patientElement, "OPPOSITION_BRIS_DE_GLACE", OBSERVATIONS,
          patient.opposedToBreakGlass());
      observation(hl7, patientElement, "OPPOSITION_ACCES_URGENCE", OBSERVATIONS,
          patient.opposedToEmergency());
    } else {
      observation(hl7, patientElement, "COMPTE_INTERNET_OUVERT", "1.2.250.1.213.4.1.2.9",
          patient.webAccountOpen());
    }
    observation(hl7, patientElement, "RATTACHEMENT_ENS", OBSERVATIONS, patient.ensAttached());
    Element custodian = hl7.add(hl7.add(event, "custodian", "typeCode", "CST"),
        "assignedEntity", "classCode", "ASSIGNED");
    hl7.add(custodian, "id", "root", Hl7Answer.DMP_OID);
    Hl7Answer.queryAck(controlAct, request, "OK");
    return root;
  }

  private static Element controlAct(Element root, Element request) {
    XmlWriter hl7 = new XmlWriter(root.getOwnerDocument(), Namespaces.HL7, null);
    Element controlAct = hl7.add(root, "controlActProcess", "classCode", "CACT", "moodCode", "EVN");
    Xml.descendant(request, Namespaces.HL7, "reasonCode").ifPresent(reason ->
        hl7.add(controlAct, "reasonCode", "code", reason.getAttribute("code"),
            "codeSystem", reason.getAttribute("codeSystem")));
    return controlAct;
  }

  private static void person(XmlWriter hl7, Element patientElement, Patient patient,
      boolean detailed) {
    Element person = hl7.add(patientElement, "patientPerson", "classCode", "PSN",
        "determinerCode", "INSTANCE");
    Element name = hl7.add(person, "name");
    hl7.text(name, "given", patient.given());
    hl7.text(name, "family", patient.family(), "qualifier", "SP");
    if (patient.email() != null) {
      hl7.add(person, "telecom", "value", "mailto:" + patient.email());
    }
    if (patient.mobile() != null) {
      hl7.add(person, "telecom", "use", "MC", "value", "tel:" + patient.mobile());
    }
    hl7.add(person, "administrativeGenderCode", "code", patient.gender());
    hl7.add(person, "birthTime", "value", patient.birthDate());
    if (detailed) {
      hl7.add(person, "deceasedInd", "value", "false");
    }
  }

  private static void observation(XmlWriter hl7, Element patientElement, String code,
      String codeSystem, boolean value) {
    Element observation = hl7.add(hl7.add(patientElement, "subjectOf", "typeCode", "SBJ"),
        "administrativeObservation", "classCode", "OBS", "moodCode", "EVN");
    hl7.add(observation, "code", "code", code, "codeSystem", codeSystem);
    XmlWriter.xsiType(hl7.add(observation, "value", "value", Boolean.toString(value)), "BL");
  }
}
