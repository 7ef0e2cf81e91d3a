package org.libreconnect.simulator.dmp.check;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Document;

/**
 * What the DMP checks in the CDA document of a TD2.1: validity against the CDA R2 schema with the
 * French extensions ({@code CDA_extended.xsd}), and the header rules of the CI-SIS "structuration
 * minimale" template 1.2.250.1.213.1.1.1.1 (the ANS schematron
 * {@code schematrons/profils/structurationMinimale/} of ansforge/TestContenuCDA-3-0), written here
 * as XPath tests, one per rule, each named as the schematron's assertion it mirrors.
 */
public final class CdaRules {
  /** One header rule: a name for the report and an XPath 1.0 test on the document. */
  private record Rule(String name, String test) {}

  private static final String DOC = "/hl7:ClinicalDocument";
  private static final String TIME = "[string-length(@value) >= 19 and (contains(@value, '+')"
      + " or contains(substring(@value, 9), '-'))]";
  private static final List<Rule> RULES = List.of(
      new Rule("realmCode FR", "count(" + DOC + "/hl7:realmCode[@code='FR']) = 1"),
      new Rule("typeId POCD_HD000040", "count(" + DOC
          + "/hl7:typeId[@root='2.16.840.1.113883.1.3'][@extension='POCD_HD000040']) = 1"),
      new Rule("templateId HL7 France 2.16.840.1.113883.2.8.2.1",
          "count(" + DOC + "/hl7:templateId[@root='2.16.840.1.113883.2.8.2.1']) = 1"),
      new Rule("templateId CI-SIS 1.2.250.1.213.1.1.1.1",
          "count(" + DOC + "/hl7:templateId[@root='1.2.250.1.213.1.1.1.1']) = 1"),
      new Rule("templateId du modèle de document", "count(" + DOC + "/hl7:templateId[not(@root="
          + "'1.2.250.1.213.1.1.1.1') and not(@root='2.16.840.1.113883.2.8.2.1')]) >= 1"),
      new Rule("nonXMLBody : templateId XDS-SD 1.3.6.1.4.1.19376.1.2.20", "not(" + DOC
          + "/hl7:component/hl7:nonXMLBody) or " + DOC
          + "/hl7:templateId/@root='1.3.6.1.4.1.19376.1.2.20'"),
      new Rule("id", "count(" + DOC + "/hl7:id[@root]) = 1"),
      new Rule("code (code, codeSystem, displayName)",
          "count(" + DOC + "/hl7:code[@code and @codeSystem and @displayName]) = 1"),
      new Rule("title", "count(" + DOC + "/hl7:title) = 1"),
      new Rule("effectiveTime à la seconde avec décalage horaire",
          "count(" + DOC + "/hl7:effectiveTime" + TIME + ") = 1"),
      new Rule("confidentialityCode (code, codeSystem, displayName)", "count(" + DOC
          + "/hl7:confidentialityCode[@code and @codeSystem and @displayName]) = 1"),
      new Rule("languageCode", "count(" + DOC + "/hl7:languageCode[@code]) = 1"),
      new Rule("setId", "count(" + DOC + "/hl7:setId[@root]) = 1"),
      new Rule("versionNumber", "count(" + DOC + "/hl7:versionNumber[@value]) = 1"),
      new Rule("recordTarget/patientRole/patient (nom, sexe, date de naissance)",
          "count(" + DOC + "/hl7:recordTarget) = 1 and " + DOC
              + "/hl7:recordTarget/hl7:patientRole/hl7:id and " + DOC
              + "/hl7:recordTarget/hl7:patientRole/hl7:patient/hl7:name/hl7:family and " + DOC
              + "/hl7:recordTarget/hl7:patientRole/hl7:patient/hl7:administrativeGenderCode/@code"
              + " and " + DOC + "/hl7:recordTarget/hl7:patientRole/hl7:patient/hl7:birthTime"),
      new Rule("author/assignedAuthor", "count(" + DOC + "/hl7:author[hl7:assignedAuthor]) >= 1"),
      new Rule("author/time avec décalage horaire",
          "not(" + DOC + "/hl7:author[not(hl7:time" + TIME + ")])"),
      new Rule("author/assignedAuthor/code G15 (1.2.250.1.213.1.1.4.5)", "not(" + DOC
          + "/hl7:author/hl7:assignedAuthor[hl7:assignedPerson][not(hl7:code[starts-with(@code,"
          + " 'G15_')][@codeSystem='1.2.250.1.213.1.1.4.5'])])"),
      new Rule("custodian", "count(" + DOC + "/hl7:custodian[hl7:assignedCustodian]) = 1"),
      new Rule("legalAuthenticator (signatureCode S)",
          "count(" + DOC + "/hl7:legalAuthenticator[hl7:signatureCode/@code='S']) = 1"),
      new Rule("legalAuthenticator/time avec décalage horaire",
          "count(" + DOC + "/hl7:legalAuthenticator/hl7:time" + TIME + ") = 1"),
      new Rule("legalAuthenticator/assignedEntity/code G15 (1.2.250.1.213.1.1.4.5)",
          DOC + "/hl7:legalAuthenticator/hl7:assignedEntity/hl7:code[starts-with(@code, 'G15_')]"
              + "[@codeSystem='1.2.250.1.213.1.1.4.5']"),
      new Rule("documentationOf/serviceEvent (effectiveTime, un performer)", "count(" + DOC
          + "/hl7:documentationOf[1]/hl7:serviceEvent/hl7:effectiveTime) = 1 and count(" + DOC
          + "/hl7:documentationOf[1]/hl7:serviceEvent/hl7:performer) = 1"),
      new Rule("performer/assignedEntity/representedOrganization/standardIndustryClassCode",
          DOC + "/hl7:documentationOf[1]/hl7:serviceEvent/hl7:performer/hl7:assignedEntity"
              + "/hl7:representedOrganization/hl7:standardIndustryClassCode/@code"),
      new Rule("componentOf/encompassingEncounter/location/healthCareFacility/code",
          "count(" + DOC + "/hl7:componentOf/hl7:encompassingEncounter) = 1 and " + DOC
              + "/hl7:componentOf/hl7:encompassingEncounter/hl7:location/hl7:healthCareFacility"
              + "/hl7:code/@code"),
      new Rule("informant : assignedEntity ou relatedEntity[@classCode][relatedPerson] (CI-SISInformant)",
          "not(" + DOC + "/hl7:informant[count(hl7:assignedEntity)"
              + " + count(hl7:relatedEntity[@classCode][hl7:relatedPerson]) != 1])"),
      new Rule("informant/relatedEntity/relatedPerson/name",
          "not(" + DOC + "/hl7:informant/hl7:relatedEntity/hl7:relatedPerson[not(hl7:name)])"),
      new Rule("participant : functionCode (HL7 ParticipationFunction) et associatedEntity",
          "not(" + DOC + "/hl7:participant[hl7:functionCode[not(@nullFlavor)][not(@code and @displayName"
              + " and @codeSystem='2.16.840.1.113883.5.88')] or not(hl7:associatedEntity[@classCode])])"),
      new Rule("participant médecin traitant (PCP) : associatedEntity PROV avec id RPPS et associatedPerson",
          "not(" + DOC + "/hl7:participant[hl7:functionCode/@code='PCP'][not(hl7:associatedEntity"
              + "[@classCode='PROV'][hl7:id[@root='1.2.250.1.71.4.2.1'][@extension]][hl7:associatedPerson/hl7:name])])"),
      new Rule("component", "count(" + DOC + "/hl7:component) = 1"));

  /**
   * The violations of {@code cda}: the schema's errors (with positions), then the name of each
   * header rule it breaks; empty when the DMP would take it.
   */
  public List<String> violations(byte[] cda) {
    Document document;
    try {
      document = Xml.parse(cda);
    } catch (RuntimeException e) {
      return List.of("le document n'est pas du XML bien formé");
    }
    List<String> violations = new ArrayList<>();
    for (String error : OfficialSchemas.errors(OfficialSchemas.CDA, document)) {
      violations.add("CDA_extended.xsd " + error);
    }
    XPath xpath = XPathFactory.newDefaultInstance().newXPath();
    xpath.setNamespaceContext(new Hl7Context());
    for (Rule rule : RULES) {
      try {
        if (!(Boolean) xpath.evaluate("boolean(" + rule.test() + ")", document,
            XPathConstants.BOOLEAN)) {
          violations.add(rule.name());
        }
      } catch (XPathExpressionException e) {
        throw new IllegalStateException("CDA rule " + rule.name() + " is not valid XPath", e);
      }
    }
    return violations;
  }

  /**
   * The document's {@code code/@code} (its type, which the XDS typeCode must repeat: ANS mapping
   * of XDS metadata, typeCode = "CDA : code@code"), or empty when there is none or it is not XML.
   */
  public static String documentCode(byte[] cda) {
    try {
      Document document = Xml.parse(cda);
      XPath xpath = XPathFactory.newDefaultInstance().newXPath();
      xpath.setNamespaceContext(new Hl7Context());
      return xpath.evaluate("string(" + DOC + "/hl7:code/@code)", document);
    } catch (RuntimeException | XPathExpressionException e) {
      return "";
    }
  }

  /**
   * A text for a refusal naming the first broken rule (the schema's rule code, never the values
   * the schema's message quotes) and how many there are.
   */
  public static String summary(List<String> violations) {
    String first = violations.get(0);
    if (first.startsWith("CDA_extended.xsd ")) {
      String message = first.substring(first.indexOf(' ', "CDA_extended.xsd ".length()) + 1);
      int colon = message.indexOf(':');
      first = "CDA_extended.xsd " + (message.startsWith("cvc-") && colon > 0
          ? message.substring(0, colon) : "erreur XML");
    }
    return violations.size() + " règle(s) non respectée(s), première : " + first;
  }

  /** Binds {@code hl7} to the HL7v3 namespace for the rules. */
  private static final class Hl7Context implements NamespaceContext {
    @Override
    public String getNamespaceURI(String prefix) {
      return "hl7".equals(prefix) ? Namespaces.HL7 : "";
    }

    @Override
    public String getPrefix(String namespace) {
      return Namespaces.HL7.equals(namespace) ? "hl7" : null;
    }

    @Override
    public Iterator<String> getPrefixes(String namespace) {
      return List.of("hl7").iterator();
    }
  }
}
