package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.dmp.errors.DmpRefusedException;
import org.libreconnect.dmp.tx.PatientRecord;
import org.libreconnect.dmp.tx.PatientRecords;
import org.libreconnect.dmp.tx.PatientTransactions;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.command.DmpRecordCommands.DmpAdministrativeDataInput;
import org.libreconnect.protocol.command.DmpRecordCommands.ReactivateDmpInput;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.dmp.DmpSimulator;
import org.libreconnect.simulator.dmp.DmpSimulatorConfig;
import org.libreconnect.simulator.pki.TestPki;

/**
 * TD1.1, TD1.3b, TD1.4 and TD1.2 from the client to the DMP simulator over mutual TLS: the
 * simulator validates each request against the official schemas (its journal has no
 * non-conformity) and answers the patient service's refusals.
 */
@Timeout(120)
class PatientRecordRoundTripTest {
  static final String LEO = "115097511200382";
  static TestPki pki;
  static DmpSimulator simulator;
  static DmpCredentials card;

  @BeforeAll
  static void start() {
    pki = TestPki.generate(Clock.systemUTC(), 2048);
    simulator = DmpSimulator.start(DmpSimulatorConfig.defaults(pki));
    CpsIdentity doctor = CpsIdentity.testDoctor();
    card = SoftwareCredentials.of(pki.issueCard(doctor), doctor);
  }

  static DmpConnector connect() throws Exception {
    java.security.KeyStore roots = TlsFixture.store(pki.elementaryRoot());
    return new DmpConnector(card, DmpUrls.resolve(simulator.baseUrl().toString(), null),
        new org.libreconnect.dmp.transport.CxfDmpTransport(card.tlsContext(roots), java.util.Optional.empty(),
            java.time.Duration.ofSeconds(20)),
        Clock.systemUTC(), new org.libreconnect.dmp.vihf.LpsIdentity("LibreConnect", "test", "TEST", "2.25.42"), 0,
        "AMBULATOIRE");
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  static DmpAdministrativeDataInput leo(String mail) throws Exception {
    String json = """
        {"s_status":"OK","PatientData":{"Ins":{"s_ins":"%s","s_insType":"T"},
          "ExtendedCivilStatus":{"CivilStatus":{"i_gender":2,"s_given":"LEO","s_name":"BERNARD-ESSAI"},
            "i_sex":2,"s_birthCountry":"","s_birthDay":"20150904","s_birthName":"BERNARD-ESSAI"},
          "ExtendedContactDetails":{"ContactDetails":{"s_address":"1 rue de la Paix","s_addressComplement":"",
            "s_city":"Paris","s_landlinePhone":"","s_mail":"%s","s_mobilePhone":"0600000000",
            "s_postalCode":"75012"},"s_country":"France"}},
          "PatientOppositions":{"i_brisDeGlaceOpposition":0,"i_centre15Opposition":1},"i_guardian":1}
        """.formatted(LEO, mail);
    return new WireJson().mapper().readValue(json, DmpAdministrativeDataInput.class);
  }

  @Test
  void twoDocumentsGoInOneSubmissionSet() throws Exception {
    simulator.reset();
    String ins = "279035121518989";
    try (DmpConnector connector = connect()) {
      var one = new org.libreconnect.protocol.command.DmpCommands.SendDocumentInput(ins,
          java.util.Base64.getEncoder().encodeToString("premier".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          "CR 1", null, "11488-4", 1, 1, "SA07", null, "Lot", null, null, null, null, null, null, null, null);
      var two = new org.libreconnect.protocol.command.DmpCommands.SendDocumentInput(ins,
          java.util.Base64.getEncoder().encodeToString("second".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          "CR 2", null, "11488-4", 1, 1, "SA07", null, "Lot", null, null, null, null, null, null, null, null);
      java.util.List<String> ids = org.libreconnect.dmp.tx.DocumentSubmission.sendAll(connector, ins,
          java.util.List.of(one, two), "s_contentInBase64");
      assertThat(ids).hasSize(2).doesNotHaveDuplicates();
      var found = org.libreconnect.dmp.tx.DocumentSearch.find(connector, ins,
          new org.libreconnect.protocol.command.DmpCommands.FindDocumentsInput(ins, null, null, null, null, null,
              null, null, null, null, null, null, null, 7, null, null));
      assertThat(found.stream().map(d -> d.uniqueId()).toList()).containsAll(ids);
    }
    assertThat(simulator.dispatcher().journal().entries().stream()
        .filter(e -> e.transaction() != null && e.transaction().label().equals("TD2.1")).count()).isEqualTo(1);
    assertThat(simulator.dispatcher().journal().nonConformities()).isEmpty();
  }

  @Test
  void createUpdateCloseReactivate() throws Exception {
    simulator.reset();
    try (DmpConnector connector = connect()) {
      assertThat(PatientTransactions.existence(connector, LEO).existingTestAnswer().dmpStatus()).isEqualTo(3);

      PatientRecords.create(connector, PatientRecord.of(leo("leo@example.org").data()));
      assertThat(PatientTransactions.existence(connector, LEO).existingTestAnswer().dmpStatus()).isEqualTo(1);
      assertThatThrownBy(() -> PatientRecords.create(connector, PatientRecord.of(leo("x@example.org").data())))
          .isInstanceOfSatisfying(DmpRefusedException.class, e -> assertThat(e.code()).isEqualTo("DMPFound"));

      PatientRecords.update(connector, PatientRecord.of(leo("leo.new@example.org").data()));
      var admin = PatientTransactions.administrativeData(connector, LEO);
      assertThat(admin.patientData().extendedContactDetails().contactDetails().mail())
          .isEqualTo("leo.new@example.org");

      ReactivateDmpInput reactivation = new ReactivateDmpInput(LEO, 2, "LEO", "BERNARD-ESSAI", 2, "",
          "20150904", "BERNARD-ESSAI", "", "", "", "", "", "", "", "");
      assertThatThrownBy(() -> PatientRecords.reactivate(connector, PatientRecord.of(reactivation)))
          .isInstanceOfSatisfying(DmpRefusedException.class, e -> assertThat(e.code()).isEqualTo("DMPNotClosed"));
      assertThatThrownBy(() -> PatientRecords.close(connector, LEO, "", "BERNARD-ESSAI", "LEO"))
          .isInstanceOf(InvalidParameterException.class);

      PatientRecords.close(connector, LEO, "FERMETURE_DEMANDE_PATIENT", "BERNARD-ESSAI", "LEO");
      assertThat(PatientTransactions.existence(connector, LEO).existingTestAnswer().dmpStatus()).isEqualTo(2);
      assertThatThrownBy(() -> PatientRecords.update(connector, PatientRecord.of(leo("y@example.org").data())))
          .isInstanceOfSatisfying(DmpRefusedException.class, e -> assertThat(e.code()).isEqualTo("DMPClosed"));

      PatientRecords.reactivate(connector, PatientRecord.of(reactivation));
      assertThat(PatientTransactions.existence(connector, LEO).existingTestAnswer().dmpStatus()).isEqualTo(1);
    }
    assertThat(simulator.dispatcher().journal().nonConformities()).isEmpty();
  }
}
