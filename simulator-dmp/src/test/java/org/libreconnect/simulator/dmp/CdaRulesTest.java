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

  /** The test CDA with an informant before the custodian and a participant before documentationOf. */
  private static String withParticipants(String informant, String participant) {
    String good = new String(Cdas.forPatient(DmpFixture.VALID, "texte"), StandardCharsets.UTF_8);
    return good.replace("<custodian>", informant + "<custodian>")
        .replace("<documentationOf>", participant + "<documentationOf>");
  }

  private static final String TRUSTED_CONTACT = "<informant><relatedEntity classCode=\"NOK\">"
      + "<telecom value=\"tel:0102030405\"/><relatedPerson><name><given>JEAN</given>"
      + "<family>MARTIN-ESSAI</family></name></relatedPerson></relatedEntity></informant>";
  private static final String TREATING_PHYSICIAN = "<participant typeCode=\"INF\"><functionCode code=\"PCP\""
      + " codeSystem=\"2.16.840.1.113883.5.88\" displayName=\"Médecin traitant\"/>"
      + "<associatedEntity classCode=\"PROV\"><id root=\"1.2.250.1.71.4.2.1\" extension=\"810100000001\"/>"
      + "<associatedPerson><name><given>ANNE</given><family>TRAITANT</family></name></associatedPerson>"
      + "</associatedEntity></participant>";

  @Test
  void informantsAndTheTreatingPhysicianAsTheCiSisSaysPass() {
    assertThat(rules.violations(withParticipants(TRUSTED_CONTACT, TREATING_PHYSICIAN)
        .getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void anInformantWithoutRelatedPersonOrClassIsNamed() {
    String noPerson = TRUSTED_CONTACT.replaceAll("<relatedPerson>.*</relatedPerson>", "");
    String noClass = TRUSTED_CONTACT.replace(" classCode=\"NOK\"", "");

    assertThat(rules.violations(withParticipants(noPerson, "").getBytes(StandardCharsets.UTF_8)))
        .containsExactly("informant : assignedEntity ou relatedEntity[@classCode][relatedPerson] (CI-SISInformant)");
    assertThat(rules.violations(withParticipants(noClass, "").getBytes(StandardCharsets.UTF_8))).containsExactly(
        "CDA_extended.xsd -1:-1 cvc-complex-type.4: Attribute 'classCode' must appear on element 'relatedEntity'.",
        "informant : assignedEntity ou relatedEntity[@classCode][relatedPerson] (CI-SISInformant)");
  }

  @Test
  void aTreatingPhysicianWithoutNationalIdOrWithAForeignFunctionCodeIsNamed() {
    String noId = TREATING_PHYSICIAN.replaceAll("<id [^>]*>", "");
    String otherSystem = TREATING_PHYSICIAN.replace("2.16.840.1.113883.5.88", "1.2.3");

    assertThat(rules.violations(withParticipants("", noId).getBytes(StandardCharsets.UTF_8))).containsExactly(
        "participant médecin traitant (PCP) : associatedEntity PROV avec id RPPS et associatedPerson");
    assertThat(rules.violations(withParticipants("", otherSystem).getBytes(StandardCharsets.UTF_8)))
        .containsExactly("participant : functionCode (HL7 ParticipationFunction) et associatedEntity");
  }

  @Test
  void somethingThatIsNotXmlIsNamedSo() {
    assertThat(rules.violations("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
        .containsExactly("le document n'est pas du XML bien formé");
  }
}
