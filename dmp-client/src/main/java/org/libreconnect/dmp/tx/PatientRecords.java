package org.libreconnect.dmp.tx;

import java.util.Locale;
import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.PatientIds;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The transactions of the "patients" service that change a DMP (dmp.md §2.1): TD1.1 creation
 * ({@code PRPA_IN201311UV02}), and the revise message {@code PRPA_IN201314UV02} with the reason
 * {@code MODIF_DATA} (TD1.3b), {@code FERM} (TD1.4, with the closing reason as detected issue)
 * or {@code REACT} (TD1.2). Codes and element order follow the official example requests.
 */
public final class PatientRecords {
  static final String OBSERVATION_SYSTEM = "1.2.250.1.213.4.1.2.3";
  static final String CLOSING_REASON_SYSTEM = "1.2.250.1.213.4.1.2.4";
  /** Civil majority in France (Code civil art. 414), as the DMP applies it to minors' records. */
  public static final int MAJORITY_AGE = 18;
  /** The closing reasons of TD1.4 (DMP closing-reason table). */
  public static final java.util.Set<String> CLOSING_REASONS = java.util.Set.of(
      "FERMETURE_DEMANDE_PATIENT", "FERMETURE_DECES", "FERMETURE_AUTRE");

  private PatientRecords() {}

  /** TD1.1: creates the DMP of {@code record.ins()}. */
  public static void create(DmpConnector connector, PatientRecord record) {
    send(connector, "TD1.1", "PRPA_IN201311UV02", record.ins(),
        document -> message(document, connector, "PRPA_IN201311UV02", null, record, "active", null));
  }

  /** TD1.3b: replaces the administrative data of an open DMP. */
  public static void update(DmpConnector connector, PatientRecord record) {
    send(connector, "TD1.3b", "PRPA_IN201314UV02", record.ins(), document -> message(document,
        connector, "PRPA_IN201314UV02", new String[] {"MODIF_DATA", "Modification des données de gestion du dossier"},
        record, "active", null));
  }

  /** TD1.2: reopens a closed DMP with the patient's current data. */
  public static void reactivate(DmpConnector connector, PatientRecord record) {
    send(connector, "TD1.2", "PRPA_IN201314UV02", record.ins(), document -> message(document,
        connector, "PRPA_IN201314UV02", new String[] {"REACT", "Réactivation du dossier"}, record,
        "active", null));
  }

  /** TD1.4: closes the DMP for {@code reason} (one of {@link #CLOSING_REASONS}). */
  public static void close(DmpConnector connector, String ins, String reason, String name, String given) {
    String code = reason == null ? "" : reason.strip().toUpperCase(Locale.ROOT);
    if (!CLOSING_REASONS.contains(code)) {
      throw new InvalidParameterException("s_reason",
          "must be FERMETURE_DEMANDE_PATIENT, FERMETURE_DECES or FERMETURE_AUTRE");
    }
    PatientRecord record = PatientRecord.named(ins, name, given);
    send(connector, "TD1.4", "PRPA_IN201314UV02", ins, document -> message(document, connector,
        "PRPA_IN201314UV02", new String[] {"FERM", "Fermeture de dossier"}, record, "terminated", code));
  }

  private static void send(DmpConnector connector, String transaction, String interaction, String ins,
      java.util.function.Function<Document, Element> body) {
    Hl7Query.checked(connector.call(transaction, "patients", "urn:hl7-org:v3:" + interaction, ins, body).body());
  }

  /** The whole message; public for the tests that validate it against the official schema. */
  public static Element message(Document document, DmpConnector connector, String interaction,
      String[] reason, PatientRecord record, String status, String closingReason) {
    Element message = Hl7Query.wrapper(document, connector, interaction);
    Element act = Xml.attrs(Xml.add(message, Ns.HL7, "controlActProcess"), "classCode", "CACT", "moodCode", "EVN");
    if (reason != null) {
      Xml.attrs(Xml.add(act, Ns.HL7, "reasonCode"), "code", reason[0], "codeSystem", Hl7Query.REASON_SYSTEM,
          "displayName", reason[1]);
    }
    Element subject = Xml.attrs(Xml.add(act, Ns.HL7, "subject"), "typeCode", "SUBJ", "contextConductionInd", "false");
    Element request = Xml.attrs(Xml.add(subject, Ns.HL7, "registrationRequest"), "classCode", "REG", "moodCode", "RQO");
    Xml.attrs(Xml.add(request, Ns.HL7, "statusCode"), "code", "active");
    Element patient = Xml.attrs(Xml.add(Xml.attrs(Xml.add(request, Ns.HL7, "subject1"), "typeCode", "SBJ"),
        Ns.HL7, "patient"), "classCode", "PAT");
    Xml.attrs(Xml.add(patient, Ns.HL7, "id"), "root", PatientIds.authority(connector.urls().isProduction()),
        "extension", record.ins());
    Xml.attrs(Xml.add(patient, Ns.HL7, "statusCode"), "code", status);
    person(patient, record, closingReason == null);
    if ("PRPA_IN201311UV02".equals(interaction)) {
      organization(patient, "providerOrganization", connector);
    }
    if (closingReason == null) {
      observation(patient, "OPPOSITION_BRIS_DE_GLACE", "opposition au mode bris de glace", record.opposedToBreakGlass());
      observation(patient, "OPPOSITION_ACCES_URGENCE", "opposition à l'accès au mode urgence",
          record.opposedToEmergency());
    }
    author(request, connector);
    if (closingReason != null) {
      Element issue = Xml.attrs(Xml.add(Xml.attrs(Xml.add(act, Ns.HL7, "reasonOf"), "typeCode", "RSON"), Ns.HL7,
          "detectedIssueEvent"), "classCode", "ALRT", "moodCode", "EVN");
      Xml.attrs(Xml.add(issue, Ns.HL7, "code"), "code", closingReason, "codeSystem", CLOSING_REASON_SYSTEM);
      Xml.add(issue, Ns.HL7, "text", closingReason);
    }
    return message;
  }

  private static void person(Element patient, PatientRecord r, boolean full) {
    Element person = Xml.attrs(Xml.add(patient, Ns.HL7, "patientPerson"), "classCode", "PSN", "determinerCode",
        "INSTANCE");
    Element name = Xml.add(person, Ns.HL7, "name");
    if (!r.prefix().isEmpty()) {
      Xml.add(name, Ns.HL7, "prefix", r.prefix());
    }
    boolean usedDiffers = !r.birthName().isEmpty() && !r.birthName().equalsIgnoreCase(r.name());
    if (!r.name().isEmpty()) {
      Xml.attrs(Xml.add(name, Ns.HL7, "family", r.name()), "qualifier", usedDiffers || !full ? "SP" : "BR");
    }
    if (usedDiffers && full) {
      Xml.attrs(Xml.add(name, Ns.HL7, "family", r.birthName()), "qualifier", "BR");
    }
    if (!r.given().isEmpty()) {
      Xml.add(name, Ns.HL7, "given", r.given());
    }
    if (!full) {
      return;
    }
    if (!r.landline().isEmpty()) {
      Xml.attrs(Xml.add(person, Ns.HL7, "telecom"), "value", "tel:" + r.landline(), "use", "HP");
    }
    if (!r.mobile().isEmpty()) {
      Xml.attrs(Xml.add(person, Ns.HL7, "telecom"), "value", "tel:" + r.mobile(), "use", "MC");
    }
    if (!r.mail().isEmpty()) {
      Xml.attrs(Xml.add(person, Ns.HL7, "telecom"), "value", "mailto:" + r.mail());
    }
    Xml.attrs(Xml.add(person, Ns.HL7, "administrativeGenderCode"), "code", r.sexCode());
    if (!r.birthDate().isEmpty()) {
      Xml.attrs(Xml.add(person, Ns.HL7, "birthTime"), "value", r.birthDate());
    }
    if (!(r.address() + r.complement() + r.postalCode() + r.city() + r.country()).isBlank()) {
      Element addr = Xml.add(person, Ns.HL7, "addr");
      for (String line : new String[] {r.address(), r.complement()}) {
        if (!line.isEmpty()) {
          Xml.add(addr, Ns.HL7, "streetAddressLine", line);
        }
      }
      if (!r.postalCode().isEmpty()) {
        Xml.add(addr, Ns.HL7, "postalCode", r.postalCode());
      }
      if (!r.city().isEmpty()) {
        Xml.add(addr, Ns.HL7, "city", r.city());
      }
      if (!r.country().isEmpty()) {
        Xml.add(addr, Ns.HL7, "country", r.country());
      }
    }
  }

  private static void observation(Element patient, String code, String label, boolean value) {
    Element observation = Xml.attrs(Xml.add(Xml.attrs(Xml.add(patient, Ns.HL7, "subjectOf"), "typeCode", "SBJ"),
        Ns.HL7, "administrativeObservation"), "classCode", "OBS", "moodCode", "EVN");
    Xml.attrs(Xml.add(observation, Ns.HL7, "code"), "code", code, "codeSystem", OBSERVATION_SYSTEM,
        "displayName", label);
    Element v = Xml.attrs(Xml.add(observation, Ns.HL7, "value"), "value", Boolean.toString(value));
    v.setAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "xsi:type", "BL");
  }

  private static void author(Element request, DmpConnector connector) {
    Element entity = Xml.attrs(Xml.add(Xml.attrs(Xml.add(request, Ns.HL7, "author"), "typeCode", "AUT"), Ns.HL7,
        "assignedEntity"), "classCode", "ASSIGNED");
    Xml.attrs(Xml.add(entity, Ns.HL7, "id"), "root", "1.2.250.1.71.4.2.1", "extension", connector.holder().psIdNat());
    Element person = Xml.attrs(Xml.add(entity, Ns.HL7, "assignedPerson"), "classCode", "PSN", "determinerCode",
        "INSTANCE");
    Element name = Xml.add(person, Ns.HL7, "name");
    Xml.add(name, Ns.HL7, "family", connector.holder().name());
    Xml.add(name, Ns.HL7, "given", connector.holder().given());
    organization(entity, "representedOrganization", connector);
  }

  /** The professional's structure; the schema requires its {@code contactParty}. */
  private static void organization(Element parent, String role, DmpConnector connector) {
    Element organization = Xml.attrs(Xml.add(parent, Ns.HL7, role), "classCode", "ORG",
        "determinerCode", "INSTANCE");
    Xml.attrs(Xml.add(organization, Ns.HL7, "id"), "root", "1.2.250.1.71.4.2.2", "extension",
        connector.location().structureId());
    if (!connector.location().name().isBlank()) {
      Xml.add(organization, Ns.HL7, "name", connector.location().name());
    }
    Xml.attrs(Xml.add(organization, Ns.HL7, "contactParty"), "classCode", "CON");
  }
}
