package org.libreconnect.simulator.dmp.transaction;

import java.util.Optional;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Hl7Answer;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.soap.XmlWriter;
import org.libreconnect.simulator.dmp.store.Authorization;
import org.libreconnect.simulator.dmp.store.AuthorizationState;
import org.libreconnect.simulator.dmp.store.DmpState;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.Ins;
import org.libreconnect.simulator.dmp.store.Patient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * TD1.1 (create), TD1.2 (reactivate), TD1.3b (update) and TD1.4 (close): changes the patient's DMP
 * in the store, or refuses as the patient service does: {@code DMPFound} to create a DMP that
 * exists (open or closed), {@code DMPPatientNotFound} to change one that does not, {@code
 * DMPClosed} to update or close a closed one, {@code DMPNotClosed}† to reactivate an open one.
 */
public final class PatientRecordHandler implements TransactionHandler {
  private final DmpStore store;
  private final RightsMatrix rights;

  public PatientRecordHandler(DmpStore store, RightsMatrix rights) {
    this.store = store;
    this.rights = rights;
  }

  @Override
  public Answer handle(TransactionContext context) {
    Element body = context.body();
    Element patient = Xml.descendant(body, Namespaces.HL7, "patient").orElseThrow();
    Ins ins = insOf(patient, context);
    Optional<Patient> current =
        store.patient(ins.value()).filter(found -> found.state() != DmpState.ABSENT);
    Transaction transaction = context.transaction();
    switch (transaction) {
      case TD1_1 -> {
        if (current.isPresent()) {
          throw new DmpException(DmpError.FOUND);
        }
        store.putPatient(read(patient, ins, null, DmpState.EXISTING));
        // the professional who creates the DMP is authorised on it
        String now = Hl7Answer.time(context.now());
        store.putAuthorization(new Authorization(context.vihf().nameId(), ins.value(),
            AuthorizationState.VALIDE, false, now, now));
      }
      case TD1_2 -> {
        Patient found = current.orElseThrow(() -> new DmpException(DmpError.PATIENT_NOT_FOUND));
        if (found.state() != DmpState.CLOSED) {
          throw new DmpException(DmpError.NOT_CLOSED);
        }
        store.putPatient(read(patient, ins, found, DmpState.EXISTING));
      }
      case TD1_3B -> {
        Patient found = open(current);
        rights.checkAccess(context.vihf(), found);
        store.putPatient(read(patient, ins, found, DmpState.EXISTING));
      }
      case TD1_4 -> {
        Patient found = open(current);
        rights.checkAccess(context.vihf(), found);
        store.putPatient(withState(found, DmpState.CLOSED));
      }
      default -> throw new IllegalStateException(transaction.label());
    }
    return Answer.of(accepted(body, context), "OK");
  }

  private static Patient open(Optional<Patient> current) {
    Patient found = current.orElseThrow(() -> new DmpException(DmpError.PATIENT_NOT_FOUND));
    if (found.state() == DmpState.CLOSED) {
      throw new DmpException(DmpError.CLOSED);
    }
    return found;
  }

  private static Ins insOf(Element patient, TransactionContext context) {
    Element id = Xml.child(patient, Namespaces.HL7, "id").orElseThrow(
        () -> new DmpException(DmpError.INVALID_MESSAGE, "Message invalide : patient/id absent"));
    Ins ins;
    try {
      ins = new Ins(id.getAttribute("extension").trim(), id.getAttribute("root").trim());
    } catch (IllegalArgumentException e) {
      throw new DmpException(DmpError.INVALID_MESSAGE,
          "Message invalide : patient/id n'est pas un INS (root, extension)");
    }
    if (!ins.equals(context.vihf().requiredPatient())) {
      throw new DmpException(DmpError.VIHF_INVALID,
          "VIHF invalide : resource-id ne désigne pas le patient de la requête");
    }
    return ins;
  }

  /** The patient as the message describes them; what it leaves out is kept from {@code before}. */
  private static Patient read(Element patient, Ins ins, Patient before, DmpState state) {
    Element person = Xml.child(patient, Namespaces.HL7, "patientPerson").orElseThrow();
    Element name = Xml.child(person, Namespaces.HL7, "name").orElse(null);
    String family = "";
    String used = "";
    String given = "";
    if (name != null) {
      for (Element element : Xml.children(name, Namespaces.HL7, "family")) {
        if ("BR".equals(element.getAttribute("qualifier"))) {
          family = Xml.text(element);
        } else if (used.isEmpty()) {
          used = Xml.text(element);
        }
      }
      given = Xml.childText(name, Namespaces.HL7, "given").orElse("");
    }
    family = family.isEmpty() ? used : family;
    String birth = Xml.child(person, Namespaces.HL7, "birthTime")
        .map(element -> element.getAttribute("value")).orElse("");
    if (before == null && (family.isEmpty() || given.isEmpty() || birth.length() < 8)) {
      throw new DmpException(DmpError.INVALID_MESSAGE,
          "Message invalide : nom, prénom et date de naissance sont obligatoires à la création");
    }
    String gender = Xml.child(person, Namespaces.HL7, "administrativeGenderCode")
        .map(element -> element.getAttribute("code")).orElse("U");
    String mail = null;
    String mobile = null;
    for (Element telecom : Xml.children(person, Namespaces.HL7, "telecom")) {
      String value = telecom.getAttribute("value");
      if (value.startsWith("mailto:")) {
        mail = value.substring(7);
      } else if (value.startsWith("tel:") && "MC".equals(telecom.getAttribute("use"))) {
        mobile = value.substring(4);
      }
    }
    Element addr = Xml.child(person, Namespaces.HL7, "addr").orElse(null);
    String postalCode = addr == null ? null : Xml.childText(addr, Namespaces.HL7, "postalCode").orElse(null);
    String city = addr == null ? null : Xml.childText(addr, Namespaces.HL7, "city").orElse(null);
    boolean breakGlass = observation(patient, "OPPOSITION_BRIS_DE_GLACE");
    boolean emergency = observation(patient, "OPPOSITION_ACCES_URGENCE")
        || observation(patient, "OPPOSITION_CENTRE_15");
    return new Patient(ins, before == null ? null : before.insC(),
        family.isEmpty() ? before.family() : family, given.isEmpty() ? before.given() : given,
        gender.isEmpty() ? "U" : gender, birth.length() >= 8 ? birth.substring(0, 8) : before.birthDate(),
        state, before != null && before.webAccountOpen(), before != null && before.ensAttached(),
        breakGlass, emergency, mail, mobile,
        addr == null && before != null ? before.postalCode() : postalCode,
        addr == null && before != null ? before.city() : city);
  }

  private static Patient withState(Patient p, DmpState state) {
    return new Patient(p.ins(), p.insC(), p.family(), p.given(), p.gender(), p.birthDate(), state,
        p.webAccountOpen(), p.ensAttached(), p.opposedToBreakGlass(), p.opposedToEmergency(),
        p.email(), p.mobile(), p.postalCode(), p.city());
  }

  private static boolean observation(Element patient, String code) {
    for (Element subject : Xml.children(patient, Namespaces.HL7, "subjectOf")) {
      Optional<Element> observation =
          Xml.child(subject, Namespaces.HL7, "administrativeObservation");
      if (observation.isPresent() && Xml.child(observation.get(), Namespaces.HL7, "code")
          .map(found -> code.equals(found.getAttribute("code"))).orElse(false)) {
        return Xml.child(observation.get(), Namespaces.HL7, "value")
            .map(value -> "true".equalsIgnoreCase(value.getAttribute("value"))).orElse(false);
      }
    }
    return false;
  }

  /** The "request accepted" answer: PRPA_IN201312UV02 for TD1.1, PRPA_IN201315UV02 otherwise. */
  private static Element accepted(Element request, TransactionContext context) {
    Document document = Xml.newDocument();
    Element root = Hl7Answer.start(document, request, context.now(),
        context.transaction().responseRoot().getLocalPart());
    Hl7Answer.acknowledge(root, request, null, null);
    XmlWriter hl7 = new XmlWriter(document, Namespaces.HL7, null);
    Element act = hl7.add(root, "controlActProcess", "classCode", "CACT", "moodCode", "EVN");
    Xml.descendant(request, Namespaces.HL7, "reasonCode")
        .ifPresent(reason -> act.appendChild(document.importNode(reason, true)));
    return root;
  }
}
