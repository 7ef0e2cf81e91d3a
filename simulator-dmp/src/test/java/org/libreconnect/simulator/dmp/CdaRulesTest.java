package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.check.CdaRules;

/** The CDA checks of TD2.1: the CDA schema and the CI-SIS minimal-structure header rules. */
class CdaRulesTest {
  private final CdaRules rules = new CdaRules();

  @Test
  void aHeaderWithTheMinimalStructurePasses() {
    assertThat(rules.violations(Cdas.forPatient(DmpFixture.VALID, "texte"))).isEmpty();
  }

  @Test
  void theOfficialTemplateOfTheLpsPackageBreaksHeaderRulesOfItsOwn() {
    byte[] official = OfficialExample.read("TD2.1-DocumentME2.xml")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(rules.violations(official)).containsExactly("setId", "versionNumber",
        "author/assignedAuthor/code G15 (1.2.250.1.213.1.1.4.5)",
        "legalAuthenticator/assignedEntity/code G15 (1.2.250.1.213.1.1.4.5)",
        "documentationOf/serviceEvent (effectiveTime, un performer)",
        "performer/assignedEntity/representedOrganization/standardIndustryClassCode");
  }

  @Test
  void eachDefectOfTheOldConnectorHeaderIsNamed() {
    String good = new String(Cdas.forPatient(DmpFixture.VALID, "texte"), StandardCharsets.UTF_8);
    String old = good.replace("<templateId root=\"2.16.840.1.113883.2.8.2.1\"/>", "")
        .replace("<templateId root=\"1.2.250.1.213.1.1.1.1\"/>", "")
        .replace("<setId root=\"2.25.424243\"/><versionNumber value=\"1\"/>", "")
        .replaceAll("<patient>.*</patient>", "")
        .replace(" displayName=\"Normal\"", "")
        .replace("code=\"G15_10/SM26\" codeSystem=\"1.2.250.1.213.1.1.4.5\"",
            "code=\"10\" codeSystem=\"1.2.250.1.71.1.2.7\"")
        .replace("+0200", "")
        .replaceAll("<standardIndustryClassCode[^>]*>", "")
        .replaceAll("<componentOf>.*</componentOf>", "");

    assertThat(rules.violations(old.getBytes(StandardCharsets.UTF_8))).containsExactly(
        "templateId HL7 France 2.16.840.1.113883.2.8.2.1",
        "templateId CI-SIS 1.2.250.1.213.1.1.1.1",
        "effectiveTime à la seconde avec décalage horaire",
        "confidentialityCode (code, codeSystem, displayName)",
        "setId", "versionNumber",
        "recordTarget/patientRole/patient (nom, sexe, date de naissance)",
        "author/time avec décalage horaire",
        "author/assignedAuthor/code G15 (1.2.250.1.213.1.1.4.5)",
        "legalAuthenticator/time avec décalage horaire",
        "legalAuthenticator/assignedEntity/code G15 (1.2.250.1.213.1.1.4.5)",
        "performer/assignedEntity/representedOrganization/standardIndustryClassCode",
        "componentOf/encompassingEncounter/location/healthCareFacility/code");
  }

  @Test
  void somethingThatIsNotXmlIsNamedSo() {
    assertThat(rules.violations("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
        .containsExactly("le document n'est pas du XML bien formé");
  }
}
