package org.libreconnect.simulator.dmp;

import java.nio.charset.StandardCharsets;

/** CDA documents for the tests: a header the CI-SIS minimal structure accepts, a text body. */
final class Cdas {
  private Cdas() {}

  /** A CDA for the test patient {@code ins} by the test doctor, with {@code text} as body. */
  static byte[] forPatient(String ins, String text) {
    String time = "20250602103000+0200";
    String doctor = "<id root=\"1.2.250.1.71.4.2.1\" extension=\"899900063480\"/>"
        + "<code code=\"G15_10/SM26\" codeSystem=\"1.2.250.1.213.1.1.4.5\""
        + " displayName=\"Médecin - Qualifié en médecine générale (SM)\"/>"
        + "<assignedPerson><name><given>MAX</given><family>LIBRE</family></name></assignedPerson>";
    String organisation = "<id root=\"1.2.250.1.71.4.2.2\" extension=\"499900063480001\"/>"
        + "<name>CABINET DU DR MAX LIBRE</name>";
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><realmCode code=\"FR\"/>"
        + "<typeId root=\"2.16.840.1.113883.1.3\" extension=\"POCD_HD000040\"/>"
        + "<templateId root=\"2.16.840.1.113883.2.8.2.1\"/>"
        + "<templateId root=\"1.2.250.1.213.1.1.1.1\"/>"
        + "<templateId root=\"1.3.6.1.4.1.19376.1.2.20\"/>"
        + "<id root=\"2.25.424242\"/>"
        + "<code code=\"11488-4\" codeSystem=\"2.16.840.1.113883.6.1\""
        + " displayName=\"CR de consultation\"/><title>CR de test é</title>"
        + "<effectiveTime value=\"" + time + "\"/>"
        + "<confidentialityCode code=\"N\" codeSystem=\"2.16.840.1.113883.5.25\""
        + " displayName=\"Normal\"/><languageCode code=\"fr-FR\"/>"
        + "<setId root=\"2.25.424243\"/><versionNumber value=\"1\"/>"
        + "<recordTarget><patientRole><id root=\"1.2.250.1.213.1.4.10\" extension=\"" + ins + "\"/>"
        + "<patient><name><given>ALICE</given><family qualifier=\"BR\">MARTIN-ESSAI</family></name>"
        + "<administrativeGenderCode code=\"F\" codeSystem=\"2.16.840.1.113883.5.1\"/>"
        + "<birthTime value=\"19790315\"/></patient></patientRole></recordTarget>"
        + "<author><time value=\"" + time + "\"/><assignedAuthor>" + doctor
        + "<representedOrganization>" + organisation + "</representedOrganization>"
        + "</assignedAuthor></author>"
        + "<custodian><assignedCustodian><representedCustodianOrganization>" + organisation
        + "</representedCustodianOrganization></assignedCustodian></custodian>"
        + "<legalAuthenticator><time value=\"" + time + "\"/><signatureCode code=\"S\"/>"
        + "<assignedEntity>" + doctor + "</assignedEntity></legalAuthenticator>"
        + "<documentationOf><serviceEvent><effectiveTime><low value=\"" + time + "\"/>"
        + "<high value=\"" + time + "\"/></effectiveTime><performer typeCode=\"PRF\">"
        + "<assignedEntity>" + doctor + "<representedOrganization>" + organisation
        + "<standardIndustryClassCode code=\"SA07\" codeSystem=\"1.2.250.1.71.4.2.4\""
        + " displayName=\"Cabinet individuel\"/></representedOrganization></assignedEntity>"
        + "</performer></serviceEvent></documentationOf>"
        + "<componentOf><encompassingEncounter><effectiveTime><low value=\"" + time + "\"/>"
        + "</effectiveTime><location><healthCareFacility><code code=\"SA07\""
        + " codeSystem=\"1.2.250.1.71.4.2.4\" displayName=\"Cabinet individuel\"/>"
        + "</healthCareFacility></location></encompassingEncounter></componentOf>"
        + "<component><nonXMLBody><text mediaType=\"text/plain\" representation=\"B64\">"
        + java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
        + "</text></nonXMLBody></component></ClinicalDocument>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }
}
