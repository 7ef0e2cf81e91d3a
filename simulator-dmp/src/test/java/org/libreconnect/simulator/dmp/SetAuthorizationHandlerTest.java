package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.simulator.dmp.DmpFixture.find;

import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.store.AuthorizationState;

class SetAuthorizationHandlerTest {
  private final DmpFixture dmp = new DmpFixture();

  private DmpResponse set(String ins, String action, String role, VihfBuilder vihf) {
    return dmp.send(DmpService.HABILITATIONS, Bodies.TD03_ACTION, vihf,
        Bodies.setAuthorization(action, role));
  }

  private DmpResponse set(String ins, String action, String role) {
    return set(ins, action, role, dmp.vihf(ins));
  }

  private static String status(DmpResponse response) {
    return Xml.text(find(response, Namespaces.HABILITATIONS, "status"));
  }

  private static String context(DmpResponse response) {
    return Xml.text(find(response, Namespaces.HABILITATIONS, "context"));
  }

  @Test
  void anExistingAuthorisationIsLeftAlone() {
    DmpResponse response = set(DmpFixture.VALID, "AJOUT", null);

    assertThat(response.body().getLocalName()).isEqualTo("setAuthorizationResponse");
    assertThat(response.addressingHeader("Action")).contains(
        "urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorizationResponse");
    assertThat(status(response)).isEqualTo("DMPOk");
    assertThat(context(response)).isEqualTo("Autorisation déjà présente aucune action effectuée");
  }

  @Test
  void anExpiredAuthorisationIsRenewed() {
    DmpResponse response = set(DmpFixture.EXPIRED, "AJOUT", null);

    assertThat(status(response)).isEqualTo("DMPOk");
    assertThat(context(response)).isEqualTo("Autorisation ajoutée");
    assertThat(dmp.store.authorizationState(VihfBuilder.DOCTOR, DmpFixture.EXPIRED))
        .isEqualTo(AuthorizationState.VALIDE);
    assertThat(dmp.store.authorization(VihfBuilder.DOCTOR, DmpFixture.EXPIRED).orElseThrow()
        .since()).isEqualTo("20250602083000");
  }

  @Test
  void aProfessionalDeclaresThemselvesTreatingPhysicianAndWithdraws() {
    set(DmpFixture.NOT_AUTHORISED, "AJOUT", "MEDECIN_TRAITANT");
    assertThat(dmp.store.authorization(VihfBuilder.DOCTOR, DmpFixture.NOT_AUTHORISED)
        .orElseThrow().treatingPhysician()).isTrue();

    DmpResponse withdrawn = set(DmpFixture.NOT_AUTHORISED, "SUPPRESSION", "MEDECIN_TRAITANT");

    assertThat(status(withdrawn)).isEqualTo("DMPOk");
    assertThat(dmp.store.authorization(VihfBuilder.DOCTOR, DmpFixture.NOT_AUTHORISED)
        .orElseThrow().treatingPhysician()).isFalse();
  }

  @Test
  void onlyTheTreatingPhysicianMayDropTheRole() {
    DmpResponse response = set(DmpFixture.VALID, "SUPPRESSION", "MEDECIN_TRAITANT");

    assertThat(response.faultSubcode()).contains("DMPAccessDeniedByRightsService");
  }

  @Test
  void removingTheAuthorisationMakesItNonExistent() {
    set(DmpFixture.VALID, "SUPPRESSION", null);

    assertThat(dmp.store.authorizationState(VihfBuilder.DOCTOR, DmpFixture.VALID))
        .isEqualTo(AuthorizationState.NON_EXISTE);
    assertThat(context(set(DmpFixture.VALID, "SUPPRESSION", null)))
        .isEqualTo("Aucune autorisation à supprimer aucune action effectuée");
  }

  @Test
  void aPatientsBlockCannotBeLifted() {
    assertThat(set(DmpFixture.BLOCKED, "AJOUT", null).faultSubcode())
        .contains("DMPAccessDeniedByRightsService");
  }

  @Test
  void onlyInNormalAccessMode() {
    assertThat(set(DmpFixture.EXPIRED, "AJOUT", null,
        dmp.vihf(DmpFixture.EXPIRED).purpose("bris_de_glace")).faultReason())
        .hasValueSatisfying(reason -> assertThat(reason).contains("mode d'accès normal"));
  }

  @Test
  void neverInIndirectMode() {
    DmpResponse response = set(DmpFixture.EXPIRED, "AJOUT", null, dmp.vihf(DmpFixture.EXPIRED)
        .text("Authentification_Mode", "INDIRECTE")
        .text(VihfBuilder.SUBJECT_ID, "Secrétariat"));

    assertThat(response.faultSubcode()).isPresent();
    assertThat(dmp.store.authorizationState(VihfBuilder.DOCTOR, DmpFixture.EXPIRED))
        .isEqualTo(AuthorizationState.EXPIRE);
  }

  @Test
  void aMissingOrClosedDmpIsReportedInTheStatus() {
    DmpResponse absent = set(DmpFixture.ABSENT, "AJOUT", null);
    DmpResponse closed = set(DmpFixture.CLOSED, "AJOUT", null);

    assertThat(absent.fault()).isFalse();
    assertThat(status(absent)).isEqualTo("DMPPatientNotFound");
    assertThat(context(absent)).isEqualTo("Le DMP du patient n'existe pas");
    assertThat(status(closed)).isEqualTo("DMPClosed");
  }

  @Test
  void anUnknownActionIsRefused() {
    assertThat(set(DmpFixture.VALID, "MODIFICATION", null).faultSubcode())
        .contains("DMPInvalidMessage");
  }
}
