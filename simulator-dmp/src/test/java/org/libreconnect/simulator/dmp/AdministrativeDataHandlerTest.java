package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.simulator.dmp.DmpFixture.find;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;

class AdministrativeDataHandlerTest {
  private final DmpFixture dmp = new DmpFixture();

  private DmpResponse consult(String ins, VihfBuilder vihf) {
    return dmp.send(DmpService.PATIENTS, Bodies.TD02_ACTION, vihf,
        Bodies.patientQuery(ins, "CNSLT_DATA"));
  }

  @Test
  void returnsTheAdministrativeDataToAnAuthorisedProfessional() {
    DmpResponse response = consult(DmpFixture.VALID, dmp.vihf(DmpFixture.VALID));

    assertThat(response.fault()).isFalse();
    assertThat(find(response, Namespaces.HL7, "reasonCode").getAttribute("code"))
        .isEqualTo("CNSLT_DATA");
    assertThat(Xml.text(find(response, Namespaces.HL7, "family"))).isEqualTo("MARTIN-ESSAI");
    assertThat(Xml.text(find(response, Namespaces.HL7, "given"))).isEqualTo("ALICE");
    assertThat(find(response, Namespaces.HL7, "birthTime").getAttribute("value"))
        .isEqualTo("19790315");
    assertThat(Xml.toString(response.body())).contains("OPPOSITION_BRIS_DE_GLACE")
        .contains("OPPOSITION_ACCES_URGENCE").contains("deceasedInd");
  }

  @ParameterizedTest
  @ValueSource(strings = {DmpFixture.EXPIRED, DmpFixture.BLOCKED, DmpFixture.NOT_AUTHORISED})
  void isRefusedWithoutAValidAuthorisation(String ins) {
    DmpResponse response = consult(ins, dmp.vihf(ins));

    assertThat(response.faultSubcode()).contains("DMPAccessDeniedByRightsService");
    assertThat(response.faultReason()).hasValueSatisfying(reason -> assertThat(reason)
        .startsWith("Accès refusé par le service de gestion des droits : "));
  }

  @Test
  void breakingTheGlassBypassesAMissingAuthorisationUnlessThePatientOpposed() {
    assertThat(consult(DmpFixture.EXPIRED, dmp.vihf(DmpFixture.EXPIRED).purpose("bris_de_glace"))
        .fault()).isFalse();

    DmpResponse opposed = consult(DmpFixture.NOT_AUTHORISED,
        dmp.vihf(DmpFixture.NOT_AUTHORISED).purpose("bris_de_glace"));
    assertThat(opposed.faultReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("opposé à l'accès en mode bris de glace"));
  }

  @Test
  void aBlockedProfessionalStaysBlockedWhenBreakingTheGlass() {
    DmpResponse response = consult(DmpFixture.BLOCKED,
        dmp.vihf(DmpFixture.BLOCKED).purpose("bris_de_glace"));

    assertThat(response.faultSubcode()).contains("DMPAccessDeniedByRightsService");
  }

  @Test
  void aPatientWithoutDmpIsNotFound() {
    DmpResponse response = consult(DmpFixture.ABSENT, dmp.vihf(DmpFixture.ABSENT));

    assertThat(find(response, Namespaces.HL7, "queryResponseCode").getAttribute("code"))
        .isEqualTo("NF");
  }
}
