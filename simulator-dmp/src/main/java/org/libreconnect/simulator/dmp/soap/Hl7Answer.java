package org.libreconnect.simulator.dmp.soap;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The transmission wrapper of the DMP's HL7 V3 answers (PRPA_IN201308UV02, dmp.md §2.2). */
public final class Hl7Answer {
  /** The DMP system's OID: sender device and custodian. */
  public static final String DMP_OID = "1.2.250.1.213.4.1.1.1";

  private static final DateTimeFormatter HL7_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private Hl7Answer() {}

  /** {@code instant} as an HL7 timestamp, {@code yyyyMMddHHmmss} in UTC. */
  public static String time(Instant instant) {
    return HL7_TIME.format(instant);
  }

  /**
   * A new {@code PRPA_IN201308UV02} answering {@code request}, filled up to its {@code sender}:
   * attention lines, the acknowledgement and the control act follow.
   */
  public static Element start(Document document, Element request, Instant now) {
    return start(document, request, now, "PRPA_IN201308UV02");
  }

  /** Like {@link #start(Document, Element, Instant)} for the interaction {@code interaction}. */
  public static Element start(Document document, Element request, Instant now, String interaction) {
    XmlWriter hl7 = new XmlWriter(document, Namespaces.HL7, null);
    Element root = hl7.element(interaction, "ITSVersion", "XML_1.0");
    hl7.add(root, "id", "root", UUID.randomUUID().toString());
    hl7.add(root, "creationTime", "value", time(now));
    hl7.add(root, "interactionId", "root", "2.16.840.1.113883.1.6", "extension", interaction);
    hl7.add(root, "processingCode", "code", "P");
    hl7.add(root, "processingModeCode", "code", "T");
    hl7.add(root, "acceptAckCode", "code", "NE");
    Element senderDevice =
        Xml.child(request, Namespaces.HL7, "sender")
            .flatMap(sender -> Xml.child(sender, Namespaces.HL7, "device"))
            .orElse(null);
    String lpsOid = senderDevice == null ? null
        : Xml.child(senderDevice, Namespaces.HL7, "id").map(id -> id.getAttribute("root"))
            .orElse(null);
    String lpsName = senderDevice == null ? null
        : Xml.childText(senderDevice, Namespaces.HL7, "softwareName").orElse(null);
    device(hl7, root, "receiver", "RCV", lpsOid, lpsName);
    device(hl7, root, "sender", "SND", DMP_OID, "DMP");
    return root;
  }

  /**
   * Appends the {@code acknowledgement} of {@code request}: {@code AA}, or {@code AE} with a
   * detail carrying {@code errorCode} and {@code text}.
   */
  public static void acknowledge(Element root, Element request, String errorCode, String text) {
    XmlWriter hl7 = new XmlWriter(root.getOwnerDocument(), Namespaces.HL7, null);
    Element ack = hl7.add(root, "acknowledgement", "typeCode", errorCode == null ? "AA" : "AE");
    Element target = hl7.add(ack, "targetMessage");
    Element requestId = Xml.child(request, Namespaces.HL7, "id").orElse(null);
    hl7.add(target, "id",
        "root", requestId == null ? null : requestId.getAttribute("root"),
        "extension", requestId == null ? null : Xml.attribute(requestId, "extension").orElse(null));
    if (errorCode != null) {
      Element detail = hl7.add(ack, "acknowledgementDetail", "typeCode", "E");
      hl7.add(detail, "code", "code", errorCode);
      hl7.text(detail, "text", text);
    }
  }

  /** Appends the {@code queryAck} echoing the request's queryId with {@code responseCode}. */
  public static void queryAck(Element controlAct, Element request, String responseCode) {
    XmlWriter hl7 = new XmlWriter(controlAct.getOwnerDocument(), Namespaces.HL7, null);
    Element queryAck = hl7.add(controlAct, "queryAck");
    Element queryId =
        Xml.descendant(request, Namespaces.HL7, "queryByParameter")
            .flatMap(query -> Xml.child(query, Namespaces.HL7, "queryId"))
            .orElse(null);
    if (queryId != null) {
      hl7.add(queryAck, "queryId", "root", queryId.getAttribute("root"),
          "extension", Xml.attribute(queryId, "extension").orElse(null));
    }
    hl7.add(queryAck, "queryResponseCode", "code", responseCode);
  }

  private static void device(
      XmlWriter hl7, Element root, String role, String typeCode, String oid, String name) {
    Element device = hl7.add(hl7.add(root, role, "typeCode", typeCode), "device",
        "classCode", "DEV", "determinerCode", "INSTANCE");
    hl7.add(device, "id", "root", oid);
    if (name != null) {
      hl7.text(device, "softwareName", name);
    }
  }
}
