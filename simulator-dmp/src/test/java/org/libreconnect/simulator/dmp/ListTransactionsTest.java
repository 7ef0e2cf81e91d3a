package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.simulator.dmp.DmpFixture.texts;

import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.store.Authorization;
import org.libreconnect.simulator.dmp.store.AuthorizationState;

/** TD0.4 (authorised DMPs of the caller) and TD1.6 (professionals of a DMP). */
class ListTransactionsTest {
  private final DmpFixture dmp = new DmpFixture();

  private DmpResponse patientList(String startDate, String dateType) {
    return dmp.send(DmpService.PATIENTS_SPECIFIC, Bodies.TD04_ACTION, dmp.vihf(null),
        Bodies.patientList(startDate, dateType));
  }

  private DmpResponse authorisations(String mode) {
    return dmp.send(DmpService.HABILITATIONS, Bodies.TD16_ACTION, dmp.vihf(DmpFixture.VALID),
        Bodies.listAuthorizations(mode));
  }

  @Test
  void listsTheOpenDmpsTheCallerIsAuthorisedOn() {
    DmpResponse response = patientList("20000101000000", "LASTAUTORIZATION");

    assertThat(response.body().getLocalName()).isEqualTo("patientListResponse");
    assertThat(texts(response, Namespaces.PATIENTS, "nationalId"))
        .containsExactly("2790351215189890000011", DmpFixture.VALID);
    assertThat(texts(response, Namespaces.PATIENTS, "nationalIdType"))
        .containsExactly("1.2.250.1.213.1.4.2", "1.2.250.1.213.1.4.10");
    assertThat(texts(response, Namespaces.PATIENTS, "lastName")).containsExactly("MARTIN-ESSAI");
    assertThat(texts(response, Namespaces.PATIENTS, "MT")).containsExactly("false");
    assertThat(texts(response, Namespaces.PATIENTS, "status")).containsExactly("DMPOk");
  }

  @Test
  void filtersOnTheStartDate() {
    assertThat(texts(patientList("20250101000000", "LASTAUTORIZATION"), Namespaces.PATIENTS,
        "lastName")).isEmpty();
    assertThat(texts(patientList("20250101000000", "LASTDOC"), Namespaces.PATIENTS, "lastName"))
        .containsExactly("MARTIN-ESSAI");
    assertThat(texts(patientList("20250301000000", "LASTDOC"), Namespaces.PATIENTS, "lastName"))
        .isEmpty();
  }

  @Test
  void aBadDateTypeIsRefused() {
    assertThat(patientList("20250101000000", "HIER").faultSubcode())
        .contains("DMPInvalidMessage");
  }

  @Test
  void listsActiveAndBlockedProfessionals() {
    DmpResponse all = authorisations("TOUTE");

    assertThat(all.body().getLocalName()).isEqualTo("listAuthorizationByPatientResponse");
    assertThat(texts(all, Namespaces.HABILITATIONS, "nationalId"))
        .containsExactlyInAnyOrder(VihfBuilder.DOCTOR, "899900012345");
    assertThat(texts(all, Namespaces.HABILITATIONS, "codeSpeciality"))
        .containsExactlyInAnyOrder("G15_10/SM26", "G15_10/SM04");
    assertThat(texts(all, Namespaces.HABILITATIONS, "specificRight"))
        .containsExactly("MEDECIN_TRAITANT");
    assertThat(texts(all, Namespaces.HABILITATIONS, "mode")).containsOnly("ACTIVE");
    assertThat(texts(all, Namespaces.HABILITATIONS, "status")).containsExactly("DMPOk");
    assertThat(texts(authorisations("INTERDITE"), Namespaces.HABILITATIONS, "nationalId"))
        .isEmpty();
  }

  @Test
  void aBlockedProfessionalIsListedAsBlocked() {
    DmpResponse response = dmp.send(DmpService.HABILITATIONS, Bodies.TD16_ACTION,
        dmp.vihf(DmpFixture.BLOCKED).purpose("centre_15"), Bodies.listAuthorizations("TOUTE"));

    assertThat(response.faultSubcode()).contains("DMPAccessDeniedByRightsService");
    dmp.store.putAuthorization(new Authorization("899900012345", DmpFixture.BLOCKED,
        AuthorizationState.VALIDE, false, "20250101000000", "20250101000000"));
    DmpResponse byColleague = dmp.send(DmpService.HABILITATIONS, Bodies.TD16_ACTION,
        dmp.vihf(DmpFixture.BLOCKED).nameId("899900012345")
            .text("Identifiant_Structure", "499900063480002"),
        Bodies.listAuthorizations("INTERDITE"));
    assertThat(texts(byColleague, Namespaces.HABILITATIONS, "nationalId"))
        .containsExactly(VihfBuilder.DOCTOR);
    assertThat(texts(byColleague, Namespaces.HABILITATIONS, "mode"))
        .containsExactly("INTERDITE");
  }

  @Test
  void employeesCannotListProfessionals() {
    DmpResponse response = dmp.send(DmpService.HABILITATIONS, Bodies.TD16_ACTION,
        dmp.vihf(DmpFixture.VALID).employeeRole(), Bodies.listAuthorizations("TOUTE"));

    assertThat(response.faultReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("TD1.6 n'est pas permise avec une carte d'employé (CPE)"));
  }
}
