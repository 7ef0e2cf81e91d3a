package org.libreconnect.dmp.tx;

import java.util.UUID;
import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.PatientIds;
import org.libreconnect.dmp.errors.DmpRefusedException;
import org.libreconnect.dmp.transport.SoapResponse;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The HL7 V3 query {@code PRPA_IN201307UV02} of the "patients" service (dmp.md §2.2), shared by
 * TD0.2 (reason {@code TEST_EXST}) and TD1.3a ({@code CNSLT_DATA}); its answer is {@code
 * PRPA_IN201308UV02}, checked for an acknowledgement other than {@code AA}.
 */
final class Hl7Query {
  static final String ACTION = "urn:hl7-org:v3:PRPA_IN201307UV02";
  static final String DMP_SYSTEM = "1.2.250.1.213.4.1.1.1";
  static final String REASON_SYSTEM = "1.2.250.1.213.1.1.4.11";

  private Hl7Query() {}

  /** Sends the query about {@code ins} with {@code reason} and returns the checked answer. */
  static Element send(DmpConnector connector, String transaction, String ins, String reason, String reasonLabel) {
    SoapResponse response = connector.call(transaction, "patients", ACTION, ins,
        document -> body(document, connector, ins, reason, reasonLabel));
    Element answer = response.body();
    String ack = Xml.attr(answer, "typeCode", "acknowledgement");
    if (!ack.isEmpty() && !"AA".equals(ack)) {
      Element detail = Xml.path(answer, "acknowledgement", "acknowledgementDetail").orElse(null);
      String code = detail == null ? ack : Xml.attr(detail, "code", "code");
      String text = detail == null ? "" : Xml.text(detail, "text");
      throw new DmpRefusedException(DmpRefusedException.Source.HL7_ACKNOWLEDGEMENT, code, text);
    }
    return answer;
  }

  private static Element body(Document document, DmpConnector connector, String ins, String reason, String label) {
    String sender = connector.software().senderOid();
    Element message = document.createElementNS(Ns.HL7, "PRPA_IN201307UV02");
    message.setAttribute("ITSVersion", "XML_1.0");
    Xml.attrs(Xml.add(message, Ns.HL7, "id"), "root", sender, "extension", UUID.randomUUID().toString());
    Xml.attrs(Xml.add(message, Ns.HL7, "creationTime"), "value", DmpTime.hl7(connector.clock().instant()));
    Xml.attrs(Xml.add(message, Ns.HL7, "interactionId"), "root", "2.16.840.1.113883.1.6", "extension",
        "PRPA_IN201307UV02");
    Xml.attrs(Xml.add(message, Ns.HL7, "processingCode"), "code", "D");
    Xml.attrs(Xml.add(message, Ns.HL7, "processingModeCode"), "code", "T");
    Xml.attrs(Xml.add(message, Ns.HL7, "acceptAckCode"), "code", "AL");
    device(message, "receiver", "RCV", DMP_SYSTEM, "DMP");
    device(message, "sender", "SND", sender, connector.software().name());
    Element act = Xml.attrs(Xml.add(message, Ns.HL7, "controlActProcess"), "classCode", "CACT", "moodCode", "EVN");
    Xml.attrs(Xml.add(act, Ns.HL7, "reasonCode"), "code", reason, "codeSystem", REASON_SYSTEM, "displayName", label);
    Element query = Xml.add(act, Ns.HL7, "queryByParameter");
    Xml.attrs(Xml.add(query, Ns.HL7, "queryId"), "root", sender, "extension", UUID.randomUUID().toString());
    Xml.attrs(Xml.add(query, Ns.HL7, "statusCode"), "code", "new");
    Element identifier = Xml.add(Xml.add(query, Ns.HL7, "parameterList"), Ns.HL7, "patientIdentifier");
    Xml.attrs(Xml.add(identifier, Ns.HL7, "value"), "root",
        PatientIds.authority(connector.urls().isProduction()), "extension", ins);
    Xml.add(identifier, Ns.HL7, "semanticsText", "Patient.id");
    return message;
  }

  /**
   * A new HL7 V3 message {@code interaction} with the transmission wrapper the DMP expects: id,
   * creation time, interaction id, processing codes, receiver (the DMP) and sender (this software).
   */
  static Element wrapper(Document document, DmpConnector connector, String interaction) {
    String sender = connector.software().senderOid();
    Element message = document.createElementNS(Ns.HL7, interaction);
    message.setAttribute("ITSVersion", "XML_1.0");
    Xml.attrs(Xml.add(message, Ns.HL7, "id"), "root", sender, "extension", UUID.randomUUID().toString());
    Xml.attrs(Xml.add(message, Ns.HL7, "creationTime"), "value", DmpTime.hl7(connector.clock().instant()));
    Xml.attrs(Xml.add(message, Ns.HL7, "interactionId"), "root", "2.16.840.1.113883.1.6", "extension",
        interaction);
    Xml.attrs(Xml.add(message, Ns.HL7, "processingCode"), "code", "D");
    Xml.attrs(Xml.add(message, Ns.HL7, "processingModeCode"), "code", "T");
    Xml.attrs(Xml.add(message, Ns.HL7, "acceptAckCode"), "code", "AL");
    device(message, "receiver", "RCV", DMP_SYSTEM, "DMP");
    device(message, "sender", "SND", sender, connector.software().name());
    return message;
  }

  /** Throws the refusal an HL7 answer carries in an acknowledgement other than {@code AA}. */
  static Element checked(Element answer) {
    String ack = Xml.attr(answer, "typeCode", "acknowledgement");
    if (!ack.isEmpty() && !"AA".equals(ack)) {
      Element detail = Xml.path(answer, "acknowledgement", "acknowledgementDetail").orElse(null);
      String code = detail == null ? ack : Xml.attr(detail, "code", "code");
      String text = detail == null ? "" : Xml.text(detail, "text");
      throw new DmpRefusedException(DmpRefusedException.Source.HL7_ACKNOWLEDGEMENT, code, text);
    }
    return answer;
  }

  private static void device(Element message, String role, String typeCode, String id, String name) {
    Element party = Xml.attrs(Xml.add(message, Ns.HL7, role), "typeCode", typeCode);
    Element device = Xml.attrs(Xml.add(party, Ns.HL7, "device"), "classCode", "DEV", "determinerCode", "INSTANCE");
    Xml.attrs(Xml.add(device, Ns.HL7, "id"), "root", id);
    Xml.add(device, Ns.HL7, "softwareName", name);
  }

  /** The {@code patient} element of the answer, if the DMP exists. */
  static java.util.Optional<Element> patient(Element answer) {
    return Xml.path(answer, "controlActProcess", "subject", "registrationEvent", "subject1", "patient");
  }

  /** {@code queryAck/queryResponseCode/@code}: OK when the DMP exists, NF when not. */
  static String queryResponse(Element answer) {
    return Xml.attr(answer, "code", "controlActProcess", "queryAck", "queryResponseCode");
  }

  /** The value of an {@code attentionLine} whose keyword is {@code keyword}: {@code @code} or {@code @value}. */
  static String attention(Element answer, String keyword) {
    for (Element line : Xml.children(answer, "attentionLine")) {
      if (keyword.equals(Xml.attr(line, "code", "keyWordText"))) {
        String code = Xml.attr(line, "code", "value");
        return code.isEmpty() ? Xml.attr(line, "value", "value") : code;
      }
    }
    return "";
  }

  /** The BL value of the administrative observation {@code code}, or null when absent. */
  static Boolean observation(Element patient, String code) {
    for (Element subject : Xml.children(patient, "subjectOf")) {
      Element observation = Xml.child(subject, "administrativeObservation").orElse(null);
      if (observation != null && code.equals(Xml.attr(observation, "code", "code"))) {
        return "true".equalsIgnoreCase(Xml.attr(observation, "value", "value"));
      }
    }
    return null;
  }

  /** The extension of the patient id whose root is {@code root}, or "". */
  static String patientId(Element patient, String root) {
    for (Element id : Xml.children(patient, "id")) {
      if (root.equals(id.getAttribute("root"))) {
        return id.getAttribute("extension");
      }
    }
    return "";
  }
}
