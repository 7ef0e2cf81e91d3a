package org.libreconnect.dmp.cda;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import org.libreconnect.dmp.DmpHolder;
import org.libreconnect.dmp.DmpPracticeLocation;
import org.libreconnect.dmp.codes.ValueSets;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Wraps a PDF or text file in a CDA R2 document with a non-XML body (IHE XDS-SD), with the header
 * the CI-SIS "structuration minimale" template (1.2.250.1.213.1.1.1.1) requires: HL7 France, CI-SIS
 * and XDS-SD templateIds, setId and versionNumber, the patient (INS, name, sex, birth date), the
 * card holder as author, legal authenticator and performer with their G15 profession and specialty
 * (1.2.250.1.213.1.1.4.5), the structure as custodian, performer organisation (practice setting
 * as standardIndustryClassCode) and healthcare facility (activity sector), informants and the
 * treating physician. Times carry the French offset. Checked against the real ANS schematron in
 * {@code CisisMinimalStructureTest}.
 */
public final class CdaWrapper {
  private static final String AUTHOR_SPECIALTY_SYSTEM = "1.2.250.1.213.1.1.4.5";
  private static final String SECTOR_SYSTEM = "1.2.250.1.71.4.2.4";
  private static final String PRACTICE_SETTING_SYSTEM = "1.2.250.1.213.1.1.4.9";
  private static final DateTimeFormatter FRENCH_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssxx").withZone(ZoneId.of("Europe/Paris"));

  /** The patient as the DMP knows them (TD1.3a): names, HL7 sex code M/F/U, birth date. */
  public record Patient(String family, String given, String sex, String birthDate) {}

  /** A postal address of an informant (CDA {@code AD} parts); empty strings are left out. */
  public record Address(String houseNumber, String streetName, String additionalLocator, String postBox,
      String postalCode, String city, String state, String country) {}

  /**
   * An informant: {@code relatedEntity} of HL7 RoleClass {@code roleClass} ({@code ECON}, {@code
   * NOK}, {@code PRS}) with a {@code relatedPerson}; telecoms are URLs ({@code tel:}, {@code mailto:}).
   */
  public record Informant(String roleClass, String name, String given, List<Address> addresses,
      List<String> telecoms) {}

  /**
   * What the header says. {@code typeSystem} is the typeCode's code system (LOINC or TRE_A05);
   * {@code practiceSetting} (TRE_A01) becomes the performer organisation's
   * standardIndustryClassCode and {@code facilityType} (TRE_R02) the healthcare facility's code,
   * the CDA sources of the XDS practiceSettingCode and healthcareFacilityTypeCode (ANS mapping);
   * {@code treatingPhysician} may be null.
   */
  public record Header(String documentOid, String title, String typeCode, String typeSystem, String typeLabel,
      String patientCx, String patientIns, String insAuthority, DmpHolder author, DmpPracticeLocation location,
      String practiceSetting, String facilityType, Instant time, Patient patient, List<DmpHolder> additionalAuthors,
      List<Informant> informants, DmpHolder treatingPhysician) {}

  /** HL7 ParticipationFunction (JDV_HL7_ParticipationFunction_CISIS): the treating physician. */
  private static final String PARTICIPATION_FUNCTION_SYSTEM = "2.16.840.1.113883.5.88";

  /** A CDA time: {@code yyyyMMddHHmmss+hhmm} in the French time zone (CI-SIS). */
  public static String time(Instant instant) {
    return FRENCH_TIME.format(instant);
  }

  /** The CDA document bytes (UTF-8 XML). */
  public byte[] wrap(Header header, byte[] content, String mimeType) {
    Document document = Xml.newDocument();
    Element cda = Xml.add(document, Ns.HL7, "ClinicalDocument");
    cda.setAttributeNS(Ns.XMLNS, "xmlns:xsi", Ns.XSI);
    Xml.attrs(Xml.add(cda, Ns.HL7, "realmCode"), "code", "FR");
    Xml.attrs(Xml.add(cda, Ns.HL7, "typeId"), "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040");
    Xml.attrs(Xml.add(cda, Ns.HL7, "templateId"), "root", "2.16.840.1.113883.2.8.2.1");
    Xml.attrs(Xml.add(cda, Ns.HL7, "templateId"), "root", "1.2.250.1.213.1.1.1.1");
    Xml.attrs(Xml.add(cda, Ns.HL7, "templateId"), "root", "1.3.6.1.4.1.19376.1.2.20");
    Xml.attrs(Xml.add(cda, Ns.HL7, "id"), "root", header.documentOid());
    Xml.attrs(Xml.add(cda, Ns.HL7, "code"), "code", header.typeCode(), "codeSystem", header.typeSystem(),
        "displayName", header.typeLabel());
    Xml.add(cda, Ns.HL7, "title", header.title());
    String time = time(header.time());
    Xml.attrs(Xml.add(cda, Ns.HL7, "effectiveTime"), "value", time);
    Xml.attrs(Xml.add(cda, Ns.HL7, "confidentialityCode"), "code", "N", "codeSystem", "2.16.840.1.113883.5.25",
        "displayName", "Normal");
    Xml.attrs(Xml.add(cda, Ns.HL7, "languageCode"), "code", "fr-FR");
    Xml.attrs(Xml.add(cda, Ns.HL7, "setId"), "root", header.documentOid() + ".1");
    Xml.attrs(Xml.add(cda, Ns.HL7, "versionNumber"), "value", "1");
    patient(Xml.add(Xml.add(cda, Ns.HL7, "recordTarget"), Ns.HL7, "patientRole"), header);
    Element author = Xml.add(cda, Ns.HL7, "author");
    Xml.attrs(Xml.add(author, Ns.HL7, "time"), "value", time);
    Element assigned = Xml.add(author, Ns.HL7, "assignedAuthor");
    person(assigned, header.author());
    organisation(Xml.add(assigned, Ns.HL7, "representedOrganization"), header.location());
    for (DmpHolder other : header.additionalAuthors()) {
      Element more = Xml.add(cda, Ns.HL7, "author");
      Xml.attrs(Xml.add(more, Ns.HL7, "time"), "value", time);
      Element moreAssigned = Xml.add(more, Ns.HL7, "assignedAuthor");
      person(moreAssigned, other);
      organisation(Xml.add(moreAssigned, Ns.HL7, "representedOrganization"), header.location());
    }
    for (Informant informant : header.informants()) {
      informant(Xml.add(Xml.add(cda, Ns.HL7, "informant"), Ns.HL7, "relatedEntity"), informant);
    }
    Element custodian = Xml.add(Xml.add(Xml.add(cda, Ns.HL7, "custodian"), Ns.HL7, "assignedCustodian"), Ns.HL7,
        "representedCustodianOrganization");
    Xml.attrs(Xml.add(custodian, Ns.HL7, "id"), "root", "1.2.250.1.71.4.2.2",
        "extension", header.location().structureId());
    Xml.add(custodian, Ns.HL7, "name", header.location().name());
    Element legal = Xml.add(cda, Ns.HL7, "legalAuthenticator");
    Xml.attrs(Xml.add(legal, Ns.HL7, "time"), "value", time);
    Xml.attrs(Xml.add(legal, Ns.HL7, "signatureCode"), "code", "S");
    person(Xml.add(legal, Ns.HL7, "assignedEntity"), header.author());
    if (header.treatingPhysician() != null) {
      treatingPhysician(Xml.attrs(Xml.add(cda, Ns.HL7, "participant"), "typeCode", "INF"), header.treatingPhysician());
    }
    Element event = Xml.attrs(Xml.add(Xml.add(cda, Ns.HL7, "documentationOf"), Ns.HL7, "serviceEvent"),
        "classCode", "ACT", "moodCode", "EVN");
    Xml.attrs(Xml.add(event, Ns.HL7, "code"), "code", header.typeCode(), "codeSystem", header.typeSystem(),
        "displayName", header.typeLabel());
    // An instant: low only (the schematron's dtr1-6-IVL_TS refuses low = high); XDS
    // serviceStopTime, "requis si connu", is left out with it.
    Element period = Xml.add(event, Ns.HL7, "effectiveTime");
    Xml.attrs(Xml.add(period, Ns.HL7, "low"), "value", time);
    Element performer = Xml.attrs(Xml.add(event, Ns.HL7, "performer"), "typeCode", "PRF");
    Element entity = Xml.add(performer, Ns.HL7, "assignedEntity");
    person(entity, header.author());
    Element performerOrganisation = Xml.add(entity, Ns.HL7, "representedOrganization");
    organisation(performerOrganisation, header.location());
    Xml.attrs(Xml.add(performerOrganisation, Ns.HL7, "standardIndustryClassCode"), "code", header.practiceSetting(),
        "codeSystem", PRACTICE_SETTING_SYSTEM, "displayName", ValueSets.PRACTICE_SETTINGS.labelOr(header.practiceSetting()));
    Element encounter = Xml.add(Xml.add(cda, Ns.HL7, "componentOf"), Ns.HL7, "encompassingEncounter");
    Element encounterPeriod = Xml.add(encounter, Ns.HL7, "effectiveTime");
    Xml.attrs(Xml.add(encounterPeriod, Ns.HL7, "low"), "value", time);
    Element facility = Xml.add(Xml.add(encounter, Ns.HL7, "location"), Ns.HL7, "healthCareFacility");
    Xml.attrs(Xml.add(facility, Ns.HL7, "code"), "code", header.facilityType(), "codeSystem", SECTOR_SYSTEM,
        "displayName", ValueSets.FACILITY_TYPES.labelOr(header.facilityType()));
    Element body = Xml.add(Xml.add(cda, Ns.HL7, "component"), Ns.HL7, "nonXMLBody");
    Element text = Xml.add(body, Ns.HL7, "text", Base64.getEncoder().encodeToString(content));
    Xml.attrs(text, "mediaType", mimeType, "representation", "B64");
    return Xml.toBytes(document);
  }

  private static void patient(Element role, Header header) {
    Xml.attrs(Xml.add(role, Ns.HL7, "id"), "root", header.insAuthority(), "extension", header.patientIns());
    Element person = Xml.add(role, Ns.HL7, "patient");
    Element name = Xml.add(person, Ns.HL7, "name");
    Patient patient = header.patient();
    Xml.add(name, Ns.HL7, "given", patient.given());
    Xml.attrs(Xml.add(name, Ns.HL7, "family", patient.family()), "qualifier", "BR");
    Xml.attrs(Xml.add(person, Ns.HL7, "administrativeGenderCode"), "code", patient.sex(),
        "codeSystem", "2.16.840.1.113883.5.1");
    Xml.attrs(Xml.add(person, Ns.HL7, "birthTime"), "value", patient.birthDate());
  }

  /**
   * An informant (CI-SIS "structuration minimale", CI-SISInformant: a {@code relatedEntity} with a
   * {@code classCode} and a {@code relatedPerson}).
   */
  private static void informant(Element related, Informant informant) {
    related.setAttribute("classCode", informant.roleClass());
    for (Address address : informant.addresses()) {
      Element addr = Xml.add(related, Ns.HL7, "addr");
      part(addr, "houseNumber", address.houseNumber());
      part(addr, "streetName", address.streetName());
      part(addr, "additionalLocator", address.additionalLocator());
      part(addr, "postBox", address.postBox());
      part(addr, "postalCode", address.postalCode());
      part(addr, "city", address.city());
      part(addr, "state", address.state());
      part(addr, "country", address.country());
    }
    for (String telecom : informant.telecoms()) {
      Xml.attrs(Xml.add(related, Ns.HL7, "telecom"), "value", telecom);
    }
    Element name = Xml.add(Xml.add(related, Ns.HL7, "relatedPerson"), Ns.HL7, "name");
    if (!informant.given().isEmpty()) {
      Xml.add(name, Ns.HL7, "given", informant.given());
    }
    Xml.add(name, Ns.HL7, "family", informant.name());
  }

  private static void part(Element addr, String element, String value) {
    if (value != null && !value.isEmpty()) {
      Xml.add(addr, Ns.HL7, element, value);
    }
  }

  /**
   * The treating physician ("médecin traitant"): a {@code participant} of type {@code INF} with
   * functionCode {@code PCP} (HL7 ParticipationFunction, JDV_HL7_ParticipationFunction_CISIS) and
   * an {@code associatedEntity} of class {@code PROV} (JDV_J141-RoleClass-CISIS).
   */
  private static void treatingPhysician(Element participant, DmpHolder physician) {
    Xml.attrs(Xml.add(participant, Ns.HL7, "functionCode"), "code", "PCP", "codeSystem",
        PARTICIPATION_FUNCTION_SYSTEM, "displayName", "Médecin traitant");
    // Since when the physician is the treating one is not known to the connector.
    Xml.attrs(Xml.add(participant, Ns.HL7, "time"), "nullFlavor", "UNK");
    Element entity = Xml.attrs(Xml.add(participant, Ns.HL7, "associatedEntity"), "classCode", "PROV");
    Xml.attrs(Xml.add(entity, Ns.HL7, "id"), "root", "1.2.250.1.71.4.2.1", "extension", physician.psIdNat());
    Xml.attrs(Xml.add(entity, Ns.HL7, "code"), "code", specialtyCode(physician), "codeSystem",
        AUTHOR_SPECIALTY_SYSTEM, "displayName", specialtyLabel(physician));
    Element name = Xml.add(Xml.add(entity, Ns.HL7, "associatedPerson"), Ns.HL7, "name");
    Xml.add(name, Ns.HL7, "given", physician.given());
    Xml.add(name, Ns.HL7, "family", physician.name());
  }

  private static String specialtyCode(DmpHolder holder) {
    return "G15_" + holder.professionCode() + (holder.specialtyCode().isEmpty() ? "" : "/" + holder.specialtyCode());
  }

  private static String specialtyLabel(DmpHolder holder) {
    String label = holder.professionLabel()
        + (holder.specialtyLabel().isEmpty() ? "" : " - " + holder.specialtyLabel());
    return label.isEmpty() ? specialtyCode(holder) : label;
  }

  /** The holder's RPPS id, G15 profession/specialty code (JDV_J01) and name. */
  private static void person(Element assigned, DmpHolder holder) {
    Xml.attrs(Xml.add(assigned, Ns.HL7, "id"), "root", "1.2.250.1.71.4.2.1", "extension", holder.psIdNat());
    Xml.attrs(Xml.add(assigned, Ns.HL7, "code"), "code", specialtyCode(holder), "codeSystem",
        AUTHOR_SPECIALTY_SYSTEM, "displayName", specialtyLabel(holder));
    Element name = Xml.add(Xml.add(assigned, Ns.HL7, "assignedPerson"), Ns.HL7, "name");
    Xml.add(name, Ns.HL7, "given", holder.given());
    Xml.add(name, Ns.HL7, "family", holder.name());
  }

  private static void organisation(Element organisation, DmpPracticeLocation location) {
    Xml.attrs(Xml.add(organisation, Ns.HL7, "id"), "root", "1.2.250.1.71.4.2.2", "extension", location.structureId());
    Xml.add(organisation, Ns.HL7, "name", location.name());
  }
}
