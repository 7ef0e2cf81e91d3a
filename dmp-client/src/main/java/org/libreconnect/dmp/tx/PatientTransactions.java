package org.libreconnect.dmp.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.libreconnect.protocol.command.DmpCommands.AccessibleDmp;
import org.libreconnect.protocol.command.DmpCommands.AdminData;
import org.libreconnect.protocol.command.DmpCommands.AdministrativeDataAnswer;
import org.libreconnect.protocol.command.DmpCommands.CivilStatus;
import org.libreconnect.protocol.command.DmpCommands.ContactDetails;
import org.libreconnect.protocol.command.DmpCommands.DmpStatusAnswer;
import org.libreconnect.protocol.command.DmpCommands.ExistingTestAnswer;
import org.libreconnect.protocol.command.DmpCommands.ExtendedCivilStatus;
import org.libreconnect.protocol.command.DmpCommands.ExtendedContactDetails;
import org.libreconnect.protocol.command.DmpCommands.Ins;
import org.libreconnect.protocol.command.DmpCommands.PatientData;
import org.libreconnect.protocol.command.DmpCommands.PatientOppositions;
import org.libreconnect.protocol.command.DmpRecordCommands.OtpChannelValueAnswer;
import org.libreconnect.protocol.command.DmpRecordCommands.OtpChannelValueInput;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.PatientIds;
import org.libreconnect.dmp.errors.DmpRefusedException;
import org.libreconnect.dmp.transport.SoapResponse;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Element;

/**
 * The patient-level transactions: TD0.2 existence and authorisation test, TD1.3a administrative
 * data, TD0.4 list of authorised DMPs.
 */
public final class PatientTransactions {
  static final String OBSERVATION_SYSTEM = "1.2.250.1.213.4.1.2.9";

  private PatientTransactions() {}

  /** TD0.2: does the patient have a DMP, and may this professional use it. */
  public static DmpStatusAnswer existence(DmpConnector connector, String ins) {
    Element answer = Hl7Query.send(connector, "TD0.2", ins, "TEST_EXST", "Test d'existence de dossier");
    Optional<Element> patient = Hl7Query.patient(answer);
    String response = Hl7Query.queryResponse(answer);
    boolean found = patient.isPresent() && !"NF".equals(response);
    boolean closed = found && "terminated".equals(Xml.attr(patient.get(), "code", "statusCode"));
    int dmpStatus = !found ? 3 : closed ? 2 : 1;
    int authorization = !found || closed ? 1 : authorization(Hl7Query.attention(answer, "AUTORISATION"));
    int treating = "true".equalsIgnoreCase(Hl7Query.attention(answer, "STATUT_MT")) ? 1 : 0;
    if (!found) {
      return new DmpStatusAnswer(new ExistingTestAnswer(
          new AdminData(new Ins(ins, insType(connector)), "", null, "", ""), dmpStatus, 1, authorization, 0, "", ""),
          treating);
    }
    Element p = patient.get();
    Element person = Xml.child(p, "patientPerson").orElse(p);
    String insC = Hl7Query.patientId(p, PatientIds.INS_C);
    AdminData admin = new AdminData(new Ins(ins, insType(connector)), Xml.attr(person, "value", "birthTime"),
        insC.isEmpty() ? null : insC, Xml.text(person, "name", "given"), familyName(person, false));
    Boolean web = Hl7Query.observation(p, "COMPTE_INTERNET_OUVERT");
    return new DmpStatusAnswer(new ExistingTestAnswer(admin, dmpStatus,
        Sexes.sex(Xml.attr(person, "code", "administrativeGenderCode")), authorization,
        Boolean.TRUE.equals(web) ? 1 : 0, "", ""), treating);
  }

  /**
   * JS2 {@code hl_getOtpChannelValue}: the patient's mobile phone (channel 1) or e-mail (2) as the
   * DMP's administrative data (TD1.3a) hold it; "" when it has none.
   */
  public static OtpChannelValueAnswer otpChannelValue(DmpConnector connector, OtpChannelValueInput in) {
    int channel = in.otpChannelType();
    if (channel != 1 && channel != 2) {
      throw new InvalidParameterException("i_otpChannelType", "must be 1 (SMS) or 2 (e-mail)");
    }
    var extended = administrativeData(connector, PatientIds.checkIns("s_ins", in.ins()))
        .patientData().extendedContactDetails();
    ContactDetails contact = extended == null ? null : extended.contactDetails();
    String value = contact == null ? null : channel == 1 ? contact.mobilePhone() : contact.mail();
    return new OtpChannelValueAnswer(value == null ? "" : value);
  }

  /** TD1.3a: the patient's administrative data. */
  public static AdministrativeDataAnswer administrativeData(DmpConnector connector, String ins) {
    Element answer = Hl7Query.send(connector, "TD1.3a", ins, "CNSLT_DATA", "Consultation des données administratives");
    Element patient = Hl7Query.patient(answer)
        .orElseThrow(() -> new DmpRefusedException(DmpRefusedException.Source.HL7_ACKNOWLEDGEMENT,
            Hl7Query.queryResponse(answer), "Le DMP du patient est introuvable"));
    Element person = Xml.child(patient, "patientPerson").orElse(patient);
    Element address = Xml.child(person, "addr").orElse(null);
    String mail = "";
    String mobile = "";
    String landline = "";
    for (Element telecom : Xml.children(person, "telecom")) {
      String value = telecom.getAttribute("value");
      if (value.startsWith("mailto:")) {
        mail = value.substring(7);
      } else if (value.startsWith("tel:") && "MC".equals(telecom.getAttribute("use"))) {
        mobile = value.substring(4);
      } else if (value.startsWith("tel:")) {
        landline = value.substring(4);
      }
    }
    List<String> lines = address == null ? List.of()
        : Xml.children(address, "streetAddressLine").stream().map(e -> e.getTextContent().strip()).toList();
    ContactDetails contact = new ContactDetails(lines.isEmpty() ? "" : lines.get(0),
        lines.size() > 1 ? String.join(" ", lines.subList(1, lines.size())) : "",
        address == null ? "" : Xml.text(address, "city"), landline, mail, mobile,
        address == null ? "" : Xml.text(address, "postalCode"));
    ExtendedCivilStatus civil = new ExtendedCivilStatus(
        new CivilStatus(Sexes.gender(Xml.text(person, "name", "prefix")), Xml.text(person, "name", "given"),
            familyName(person, false)),
        Sexes.sex(Xml.attr(person, "code", "administrativeGenderCode")),
        Xml.text(person, "birthPlace", "addr", "country"), Xml.attr(person, "value", "birthTime"),
        familyName(person, true));
    PatientData data = new PatientData(new Ins(ins, insType(connector)), civil,
        new ExtendedContactDetails(contact, address == null ? "" : Xml.text(address, "country")));
    PatientOppositions oppositions = new PatientOppositions(
        Boolean.TRUE.equals(Hl7Query.observation(patient, "OPPOSITION_BRIS_DE_GLACE")) ? 1 : 0,
        Boolean.TRUE.equals(Hl7Query.observation(patient, "OPPOSITION_CENTRE_15")) ? 1 : 0);
    return new AdministrativeDataAnswer(data, oppositions, 1);
  }

  /** TD0.4: the DMPs this professional is authorised on, by last authorisation or last document. */
  public static List<AccessibleDmp> accessibleDmps(DmpConnector connector, String type, String date) {
    if (!"LASTAUTORIZATION".equals(type) && !"LASTDOC".equals(type)) {
      throw new InvalidParameterException("s_type", "must be LASTAUTORIZATION or LASTDOC");
    }
    String start = DmpTime.fromJs2(date);
    if (start == null) {
      throw new InvalidParameterException("s_date", "must be a date as YYYYMMDD");
    }
    SoapResponse response = connector.call("TD0.4", "patientsSpecific",
        "urn:si-dmp-patients:PatientSpecificEndPoint:patientList", null, document -> {
          Element list = document.createElementNS(Ns.PATIENTS, "pat:patientList");
          Xml.add(list, Ns.PATIENTS, "pat:startDate", start);
          Xml.add(list, Ns.PATIENTS, "pat:dateType", type);
          return list;
        });
    Element output = Xml.child(response.body(), "output").orElse(response.body());
    Statuses.check(output);
    List<AccessibleDmp> found = new ArrayList<>();
    for (Element item : Xml.children(output, "patientlistData")) {
      String patientIns = "";
      String insC = "";
      for (Element id : Xml.children(item, "patientIdentifier")) {
        String type2 = Xml.text(id, "nationalIdType");
        if (PatientIds.INS_C.equals(type2)) {
          insC = Xml.text(id, "nationalId");
        } else {
          patientIns = Xml.text(id, "nationalId");
        }
      }
      found.add(new AccessibleDmp(Xml.text(item, "dateOfBirth"), patientIns, Xml.text(item, "lastAccessDate"),
          Xml.text(item, "lastAddDate"), Xml.text(item, "lastUpdateDate"), Xml.text(item, "lastName"),
          Xml.text(item, "firstName"), Xml.text(item, "lastName"), insC.isEmpty() ? null : insC,
          "true".equalsIgnoreCase(Xml.text(item, "MT")) ? 1 : 0));
    }
    return found;
  }

  private static int authorization(String value) {
    return switch (value) {
      case "VALIDE" -> 2;
      case "EXPIRE" -> 3;
      case "INTERDIT" -> 4;
      case "NON_EXISTE" -> 5;
      default -> 1;
    };
  }

  /** The family name: the birth name ({@code qualifier="BR"}) when asked, else the first one. */
  private static String familyName(Element person, boolean birth) {
    List<Element> families = Xml.path(person, "name").map(n -> Xml.children(n, "family")).orElse(List.of());
    for (Element family : families) {
      if (birth == "BR".equals(family.getAttribute("qualifier"))) {
        return family.getTextContent().strip();
      }
    }
    return families.isEmpty() ? "" : families.get(0).getTextContent().strip();
  }

  private static String insType(DmpConnector connector) {
    return connector.urls().isProduction() ? "N" : "T";
  }
}
