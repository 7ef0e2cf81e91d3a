package org.libreconnect.worker.dmp.cda;

import java.time.Instant;
import java.util.Base64;
import org.libreconnect.worker.dmp.DmpHolder;
import org.libreconnect.worker.dmp.DmpPracticeLocation;
import org.libreconnect.worker.dmp.xml.Ns;
import org.libreconnect.worker.dmp.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Wraps a PDF or text file in a CDA R2 document with a non-XML body (IHE XDS-SD, the form the DMP
 * takes for unstructured documents): the header names the patient, the card holder as author
 * and legal authenticator, and the structure as custodian.
 */
public final class CdaWrapper {
  /** What the header says. */
  public record Header(String documentOid, String title, String typeCode, String typeLabel, String patientCx,
      String patientIns, String insAuthority, DmpHolder author, DmpPracticeLocation location,
      String practiceSetting, Instant time) {}

  /** The CDA document bytes (UTF-8 XML). */
  public byte[] wrap(Header header, byte[] content, String mimeType) {
    Document document = Xml.newDocument();
    Element cda = Xml.add(document, Ns.HL7, "ClinicalDocument");
    cda.setAttributeNS(Ns.XMLNS, "xmlns:xsi", Ns.XSI);
    Xml.attrs(Xml.add(cda, Ns.HL7, "realmCode"), "code", "FR");
    Xml.attrs(Xml.add(cda, Ns.HL7, "typeId"), "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040");
    Xml.attrs(Xml.add(cda, Ns.HL7, "templateId"), "root", "1.3.6.1.4.1.19376.1.2.20");
    Xml.attrs(Xml.add(cda, Ns.HL7, "id"), "root", header.documentOid());
    Xml.attrs(Xml.add(cda, Ns.HL7, "code"), "code", header.typeCode(), "codeSystem", "2.16.840.1.113883.6.1",
        "displayName", header.typeLabel());
    Xml.add(cda, Ns.HL7, "title", header.title());
    String time = org.libreconnect.worker.dmp.tx.DmpTime.hl7(header.time());
    Xml.attrs(Xml.add(cda, Ns.HL7, "effectiveTime"), "value", time);
    Xml.attrs(Xml.add(cda, Ns.HL7, "confidentialityCode"), "code", "N", "codeSystem", "2.16.840.1.113883.5.25");
    Xml.attrs(Xml.add(cda, Ns.HL7, "languageCode"), "code", "fr-FR");
    Element patientRole = Xml.add(Xml.add(cda, Ns.HL7, "recordTarget"), Ns.HL7, "patientRole");
    Xml.attrs(Xml.add(patientRole, Ns.HL7, "id"), "root", header.insAuthority(), "extension", header.patientIns());
    Element author = Xml.add(cda, Ns.HL7, "author");
    Xml.attrs(Xml.add(author, Ns.HL7, "time"), "value", time);
    Element assigned = Xml.add(author, Ns.HL7, "assignedAuthor");
    person(assigned, header.author());
    organisation(Xml.add(assigned, Ns.HL7, "representedOrganization"), header.location());
    Element custodian = Xml.add(Xml.add(Xml.add(cda, Ns.HL7, "custodian"), Ns.HL7, "assignedCustodian"), Ns.HL7,
        "representedCustodianOrganization");
    organisation(custodian, header.location());
    Element legal = Xml.add(cda, Ns.HL7, "legalAuthenticator");
    Xml.attrs(Xml.add(legal, Ns.HL7, "time"), "value", time);
    Xml.attrs(Xml.add(legal, Ns.HL7, "signatureCode"), "code", "S");
    person(Xml.add(legal, Ns.HL7, "assignedEntity"), header.author());
    Element event = Xml.add(Xml.add(cda, Ns.HL7, "documentationOf"), Ns.HL7, "serviceEvent");
    Element period = Xml.add(event, Ns.HL7, "effectiveTime");
    Xml.attrs(Xml.add(period, Ns.HL7, "low"), "value", time);
    Xml.attrs(Xml.add(period, Ns.HL7, "high"), "value", time);
    Element performer = Xml.attrs(Xml.add(event, Ns.HL7, "performer"), "typeCode", "PRF");
    person(Xml.add(performer, Ns.HL7, "assignedEntity"), header.author());
    Element body = Xml.add(Xml.add(cda, Ns.HL7, "component"), Ns.HL7, "nonXMLBody");
    Element text = Xml.add(body, Ns.HL7, "text", Base64.getEncoder().encodeToString(content));
    Xml.attrs(text, "mediaType", mimeType, "representation", "B64");
    return Xml.toBytes(document);
  }

  private static void person(Element assigned, DmpHolder holder) {
    Xml.attrs(Xml.add(assigned, Ns.HL7, "id"), "root", "1.2.250.1.71.4.2.1", "extension", holder.psIdNat());
    Xml.attrs(Xml.add(assigned, Ns.HL7, "code"), "code", holder.professionCode(), "codeSystem",
        holder.professionOid(), "displayName", holder.professionLabel());
    Element name = Xml.add(Xml.add(assigned, Ns.HL7, "assignedPerson"), Ns.HL7, "name");
    Xml.add(name, Ns.HL7, "given", holder.given());
    Xml.add(name, Ns.HL7, "family", holder.name());
  }

  private static void organisation(Element organisation, DmpPracticeLocation location) {
    Xml.attrs(Xml.add(organisation, Ns.HL7, "id"), "root", "1.2.250.1.71.4.2.2", "extension", location.structureId());
    Xml.add(organisation, Ns.HL7, "name", location.name());
  }
}
