package org.libreconnect.dmp.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.PatientIds;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.libreconnect.protocol.command.DmpRecordCommands.FindPatientsAnswer;
import org.libreconnect.protocol.command.DmpRecordCommands.FindPatientsInput;
import org.libreconnect.protocol.command.DmpRecordCommands.FoundPatient;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * TD0.5: the search for a patient whose INS is not known, an IHE PDQ V3 query ({@code
 * PRPA_IN201305UV02}, PRPA_MT201306UV02 parameters) to the {@code patientsPDQ} service, answered
 * by {@code PRPA_IN201306UV02}. The DMP allows it in régulation only (access mode {@code
 * centre_15}) and answers {@code DMPAccessDeniedByRightsService} otherwise: the connector sends the
 * search whatever the mode and reports the DMP's answer. The approximate name and city are named
 * in {@code matchCriterionList/matchAlgorithm} (our reading: no public source says how).
 */
public final class PatientSearch {
  static final String ACTION = "urn:hl7-org:v3:PRPA_IN201305UV02";
  static final String APPROXIMATE_NAME = "LivingSubject.name";
  static final String APPROXIMATE_ADDRESS = "Patient.addr";

  /** The checked criteria of {@code hl_findPatients}; empty strings for those not given. */
  public record Criteria(String name, String givenName, String birthday, String sex, String postalCode,
      String city, boolean approximateName, boolean approximateCity) {

    /** The criteria of {@code input}, or the JS2 error naming the first bad key. */
    public static Criteria of(FindPatientsInput input) {
      String name = nz(input.name());
      if (name.length() < 2) {
        throw new InvalidParameterException("s_name", "must have at least 2 characters");
      }
      String birthday = nz(input.birthday());
      if (!birthday.isEmpty() && !birthday.matches("\\d{8}")) {
        throw new InvalidParameterException("s_birthday", "must be a date as YYYYMMDD");
      }
      String sex = switch (input.sex() == null ? 1 : input.sex()) {
        case 0, 1 -> "";
        case 2 -> "M";
        case 3 -> "F";
        default -> throw new InvalidParameterException("i_sex", "must be 1 (unknown), 2 (male) or 3 (female)");
      };
      String postalCode = nz(input.postalCode());
      if (!postalCode.isEmpty() && !postalCode.matches("\\d[0-9AB]\\d{3}")) {
        throw new InvalidParameterException("s_postalCode", "must be a postal code of 5 characters");
      }
      return new Criteria(name, nz(input.givenName()), birthday, sex, postalCode, nz(input.city()),
          flag("i_approxName", input.approxName()), flag("i_approxCity", input.approxCity()));
    }

    private static boolean flag(String key, Integer value) {
      if (value == null || (value != 0 && value != 1)) {
        throw new InvalidParameterException(key, "must be 0 or 1");
      }
      return value == 1;
    }
  }

  private PatientSearch() {}

  /** TD0.5: the patients whose DMP matches {@code input}, best match first as the DMP lists them. */
  public static FindPatientsAnswer find(DmpConnector connector, FindPatientsInput input) {
    Criteria criteria = Criteria.of(input);
    Element answer = Hl7Query.checked(connector.call("TD0.5", "patientsPDQ", ACTION, null,
        document -> message(document, connector, criteria)).body());
    List<FoundPatient> found = new ArrayList<>();
    for (Element subject : Xml.children(Xml.child(answer, "controlActProcess").orElse(answer), "subject")) {
      Xml.path(subject, "registrationEvent", "subject1", "patient").ifPresent(patient -> found.add(patient(patient)));
    }
    return new FindPatientsAnswer(found);
  }

  /** The whole query; public for the tests that validate it against the official schema. */
  public static Element message(Document document, DmpConnector connector, Criteria criteria) {
    Element message = Hl7Query.wrapper(document, connector, "PRPA_IN201305UV02");
    Element act = Xml.attrs(Xml.add(message, Ns.HL7, "controlActProcess"), "classCode", "CACT", "moodCode", "EVN");
    Xml.attrs(Xml.add(act, Ns.HL7, "code"), "code", "PRPA_TE201305UV02", "codeSystem", "2.16.840.1.113883.1.6");
    Element query = Xml.add(act, Ns.HL7, "queryByParameter");
    Xml.attrs(Xml.add(query, Ns.HL7, "queryId"), "root", connector.software().senderOid(), "extension",
        UUID.randomUUID().toString());
    Xml.attrs(Xml.add(query, Ns.HL7, "statusCode"), "code", "new");
    boolean approximateCity = criteria.approximateCity() && !criteria.city().isEmpty();
    if (criteria.approximateName() || approximateCity) {
      Element algorithm = Xml.add(Xml.add(query, Ns.HL7, "matchCriterionList"), Ns.HL7, "matchAlgorithm");
      Element value = Xml.add(algorithm, Ns.HL7, "value", "APPROCHANT");
      value.setAttributeNS(Ns.XSI, "xsi:type", "ST");
      Xml.add(algorithm, Ns.HL7, "semanticsText", String.join(" ",
          criteria.approximateName() ? APPROXIMATE_NAME : "", approximateCity ? APPROXIMATE_ADDRESS : "").strip());
    }
    Element list = Xml.add(query, Ns.HL7, "parameterList");
    if (!criteria.sex().isEmpty()) {
      Xml.attrs(Xml.add(parameter(list, "livingSubjectAdministrativeGender"), Ns.HL7, "value"),
          "code", criteria.sex());
      semantics(list, "LivingSubject.administrativeGender");
    }
    if (!criteria.birthday().isEmpty()) {
      Xml.attrs(Xml.add(parameter(list, "livingSubjectBirthTime"), Ns.HL7, "value"), "value", criteria.birthday());
      semantics(list, "LivingSubject.birthTime");
    }
    Element name = Xml.add(parameter(list, "livingSubjectName"), Ns.HL7, "value");
    Xml.add(name, Ns.HL7, "family", criteria.name());
    if (!criteria.givenName().isEmpty()) {
      Xml.add(name, Ns.HL7, "given", criteria.givenName());
    }
    semantics(list, "LivingSubject.name");
    if (!criteria.postalCode().isEmpty() || !criteria.city().isEmpty()) {
      Element address = Xml.add(parameter(list, "patientAddress"), Ns.HL7, "value");
      if (!criteria.postalCode().isEmpty()) {
        Xml.add(address, Ns.HL7, "postalCode", criteria.postalCode());
      }
      if (!criteria.city().isEmpty()) {
        Xml.add(address, Ns.HL7, "city", criteria.city());
      }
      semantics(list, APPROXIMATE_ADDRESS);
    }
    return message;
  }

  private static Element parameter(Element list, String name) {
    return Xml.add(list, Ns.HL7, name);
  }

  /** Closes the last parameter of {@code list} with its required {@code semanticsText}. */
  private static void semantics(Element list, String text) {
    Element last = (Element) list.getLastChild();
    Xml.add(last, Ns.HL7, "semanticsText", text);
  }

  private static FoundPatient patient(Element patient) {
    String ins = "";
    String insType = "";
    for (Element id : Xml.children(patient, "id")) {
      String type = switch (id.getAttribute("root")) {
        case PatientIds.INS_NIR, "1.2.250.1.213.1.4.9" -> "N";
        case PatientIds.INS_NIR_TEST, "1.2.250.1.213.1.4.11" -> "T";
        case PatientIds.INS_C -> "C";
        default -> "";
      };
      if (!type.isEmpty() && (ins.isEmpty() || "C".equals(insType))) {
        ins = id.getAttribute("extension");
        insType = type;
      }
    }
    Element person = Xml.child(patient, "patientPerson").orElse(patient);
    String used = "";
    String birth = "";
    String first = "";
    for (Element family : Xml.path(person, "name").map(n -> Xml.children(n, "family")).orElse(List.of())) {
      String value = family.getTextContent().strip();
      first = first.isEmpty() ? value : first;
      if ("BR".equals(family.getAttribute("qualifier")) && birth.isEmpty()) {
        birth = value;
      } else if ("SP".equals(family.getAttribute("qualifier")) && used.isEmpty()) {
        used = value;
      }
    }
    Element address = Xml.child(person, "addr").orElse(null);
    return new FoundPatient(ins, insType, used.isEmpty() ? first : used, Xml.text(person, "name", "given"), birth,
        Xml.attr(person, "value", "birthTime"), Sexes.sex(Xml.attr(person, "code", "administrativeGenderCode")),
        address == null ? "" : Xml.text(address, "city"), address == null ? "" : Xml.text(address, "postalCode"));
  }

  private static String nz(String value) {
    return value == null ? "" : value.strip();
  }
}
