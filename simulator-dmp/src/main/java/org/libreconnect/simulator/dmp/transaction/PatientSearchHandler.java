package org.libreconnect.simulator.dmp.transaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.libreconnect.simulator.dmp.soap.Hl7Answer;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.soap.XmlWriter;
import org.libreconnect.simulator.dmp.store.DmpState;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.Ins;
import org.libreconnect.simulator.dmp.store.Patient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * TD0.5: the patients with an open DMP that match the search's criteria ({@link PatientCriteria}),
 * best match first, as a {@code PRPA_IN201306UV02} shaped like the official example answer (one
 * {@code registrationEvent} per patient with its match percentage and its opposition to access in
 * "centre 15" mode) and valid against the official schema. The rights matrix has already refused
 * any caller outside the régulation mode.
 */
public final class PatientSearchHandler implements TransactionHandler {
  /** The most patients one answer lists; the rest is counted in {@code resultRemainingQuantity}. */
  static final int MAX_PATIENTS = 50;
  private static final String OBSERVATIONS = "1.2.250.1.213.4.1.2.3";

  private final DmpStore store;

  /** A handler searching {@code store}. */
  public PatientSearchHandler(DmpStore store) {
    this.store = store;
  }

  @Override
  public Answer handle(TransactionContext context) {
    PatientCriteria criteria = PatientCriteria.of(context.body());
    record Match(Patient patient, int score) {}
    List<Match> matches = new ArrayList<>();
    for (Patient patient : store.patients()) {
      if (patient.state() != DmpState.EXISTING) {
        continue;
      }
      OptionalInt score = criteria.score(patient);
      if (score.isPresent()) {
        matches.add(new Match(patient, score.getAsInt()));
      }
    }
    matches.sort(Comparator.comparingInt(Match::score).reversed());
    Element request = context.body();
    Document document = Xml.newDocument();
    XmlWriter hl7 = new XmlWriter(document, Namespaces.HL7, null);
    Element root = Hl7Answer.start(document, request, context.now(), "PRPA_IN201306UV02");
    Hl7Answer.acknowledge(root, request, null, null);
    Element act = hl7.add(root, "controlActProcess", "classCode", "CACT", "moodCode", "EVN");
    hl7.add(act, "code", "code", "PRPA_TE201306UV02", "codeSystem", "2.16.840.1.113883.1.6");
    List<Match> listed = matches.subList(0, Math.min(MAX_PATIENTS, matches.size()));
    for (Match match : listed) {
      subject(hl7, act, match.patient(), match.score());
    }
    Hl7Answer.queryAck(act, request, matches.isEmpty() ? "NF" : "OK");
    Element ack = Xml.child(act, Namespaces.HL7, "queryAck").orElseThrow();
    hl7.add(ack, "resultTotalQuantity", "value", Integer.toString(matches.size()));
    hl7.add(ack, "resultCurrentQuantity", "value", Integer.toString(listed.size()));
    hl7.add(ack, "resultRemainingQuantity", "value", Integer.toString(matches.size() - listed.size()));
    Xml.descendant(request, Namespaces.HL7, "queryByParameter")
        .ifPresent(query -> act.appendChild(document.importNode(query, true)));
    return Answer.of(root, matches.isEmpty() ? "NF" : "OK:" + matches.size());
  }

  private static void subject(XmlWriter hl7, Element act, Patient patient, int score) {
    Element event = hl7.add(hl7.add(act, "subject", "typeCode", "SUBJ", "contextConductionInd", "false"),
        "registrationEvent", "classCode", "REG", "moodCode", "EVN");
    hl7.add(event, "statusCode", "code", "active");
    Element element = hl7.add(hl7.add(event, "subject1", "typeCode", "SBJ"), "patient", "classCode", "PAT");
    hl7.add(element, "id", "root", patient.ins().oid(), "extension", patient.ins().value());
    if (patient.insC() != null) {
      hl7.add(element, "id", "root", Ins.INS_C_OID, "extension", patient.insC());
    }
    hl7.add(element, "statusCode", "code", "active");
    Element person = hl7.add(element, "patientPerson", "classCode", "PSN", "determinerCode", "INSTANCE");
    Element name = hl7.add(person, "name");
    hl7.text(name, "given", patient.given());
    hl7.text(name, "family", patient.family(), "qualifier", "BR");
    hl7.add(person, "administrativeGenderCode", "code", patient.gender());
    hl7.add(person, "birthTime", "value", patient.birthDate());
    if (patient.city() != null || patient.postalCode() != null) {
      Element addr = hl7.add(person, "addr");
      if (patient.city() != null) {
        hl7.text(addr, "city", patient.city());
      }
      if (patient.postalCode() != null) {
        hl7.text(addr, "postalCode", patient.postalCode());
      }
    }
    Element match = hl7.add(hl7.add(element, "subjectOf1", "typeCode", "SBJ"), "queryMatchObservation",
        "classCode", "COND", "moodCode", "EVN");
    XmlWriter.xsiType(hl7.add(match, "code", "code", "POURCENTAGE"), "CS");
    XmlWriter.xsiType(hl7.add(match, "value", "value", Integer.toString(score)), "INT");
    Element observation = hl7.add(hl7.add(element, "subjectOf2", "typeCode", "SBJ"), "administrativeObservation",
        "classCode", "VERIF", "moodCode", "EVN");
    hl7.add(observation, "code", "code", "OPPOSITION_ACCES_URGENCE", "codeSystem", OBSERVATIONS,
        "displayName", "opposition au mode Urgence");
    XmlWriter.xsiType(hl7.add(observation, "value", "value", Boolean.toString(patient.opposedToEmergency())), "BL");
    Element custodian = hl7.add(hl7.add(event, "custodian", "typeCode", "CST"), "assignedEntity",
        "classCode", "ASSIGNED");
    hl7.add(custodian, "id", "root", Hl7Answer.DMP_OID);
  }
}
