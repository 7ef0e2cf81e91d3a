package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.dmp.errors.DmpApiException;
import org.libreconnect.dmp.errors.DmpErrors;
import org.libreconnect.dmp.transport.SoapFaultException;
import org.libreconnect.dmp.tx.PatientSearch;
import org.libreconnect.dmp.vihf.AccessMode;
import org.libreconnect.dmp.xml.Xml;
import org.libreconnect.protocol.command.DmpRecordCommands.FindPatientsAnswer;
import org.libreconnect.protocol.command.DmpRecordCommands.FindPatientsInput;
import org.libreconnect.protocol.command.DmpRecordCommands.FoundPatient;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.dmp.DmpSimulator;
import org.libreconnect.simulator.dmp.DmpSimulatorConfig;
import org.libreconnect.simulator.dmp.check.OfficialSchemas;
import org.libreconnect.simulator.pki.TestPki;
import org.w3c.dom.Document;

/**
 * TD0.5 from the client to the DMP simulator over mutual TLS: the query is valid against the
 * official PRPA_IN201305UV02 schema with every criterion, the search is refused outside the
 * régulation mode with the DMP's fault, and the found patients come back as JS2 records.
 */
@Timeout(120)
class PatientSearchRoundTripTest {
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

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static DmpConnector connect() throws Exception {
    java.security.KeyStore roots = TlsFixture.store(pki.elementaryRoot());
    return new DmpConnector(card, DmpUrls.resolve(simulator.baseUrl().toString(), null),
        new org.libreconnect.dmp.transport.CxfDmpTransport(card.tlsContext(roots), java.util.Optional.empty(),
            java.time.Duration.ofSeconds(20)),
        Clock.systemUTC(), new org.libreconnect.dmp.vihf.LpsIdentity("LibreConnect", "test", "TEST", "2.25.42"), 0,
        "SAMU_SMUR");
  }

  private static FindPatientsInput input(String name, String given, String birthday, String city,
      String postalCode, Integer sex, Integer approxName, Integer approxCity) {
    return new FindPatientsInput(name, given, birthday, city, postalCode, sex, approxName, approxCity);
  }

  @Test
  void theQueryWithEveryCriterionIsValidAgainstTheOfficialSchema() throws Exception {
    try (DmpConnector connector = connect()) {
      for (FindPatientsInput in : new FindPatientsInput[] {
          input("MARTIN-ESSAI", null, null, null, null, null, 0, 0),
          input("MARTIN-ESSAI", "ALICE", "19790315", "PARIS", "75012", 3, 1, 1),
          input("MA", "", "", "PARIS", "", 2, 0, 1)}) {
        Document document = Xml.newDocument();
        document.appendChild(PatientSearch.message(document, connector, PatientSearch.Criteria.of(in)));
        assertThat(OfficialSchemas.errors(OfficialSchemas.HL7_PATIENT_FIND, Xml.parse(Xml.toBytes(document))))
            .as(in.toString()).isEmpty();
      }
    }
  }

  @Test
  void badCriteriaAreRefusedBeforeAnyCall() throws Exception {
    try (DmpConnector connector = connect()) {
      connector.setAccessMode(AccessMode.CENTRE_15);
      assertThatThrownBy(() -> PatientSearch.find(connector, input("M", null, null, null, null, null, 0, 0)))
          .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage()).contains("s_name"));
      assertThatThrownBy(() -> PatientSearch.find(connector,
              input("MARTIN", null, "15/03/1979", null, null, null, 0, 0)))
          .isInstanceOfSatisfying(InvalidParameterException.class,
              e -> assertThat(e.getMessage()).contains("s_birthday").doesNotContain("15/03/1979"));
      assertThatThrownBy(() -> PatientSearch.find(connector, input("MARTIN", null, null, null, null, 7, 0, 0)))
          .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage()).contains("i_sex"));
      assertThatThrownBy(() -> PatientSearch.find(connector, input("MARTIN", null, null, null, "7501", null, 0, 0)))
          .isInstanceOfSatisfying(InvalidParameterException.class,
              e -> assertThat(e.getMessage()).contains("s_postalCode"));
      assertThatThrownBy(() -> PatientSearch.find(connector, input("MARTIN", null, null, null, null, null, 2, 0)))
          .isInstanceOfSatisfying(InvalidParameterException.class,
              e -> assertThat(e.getMessage()).contains("i_approxName"));
    }
  }

  @Test
  void outsideRegulationTheDmpRefusesTheSearch() throws Exception {
    try (DmpConnector connector = connect()) {
      assertThatThrownBy(() -> PatientSearch.find(connector, input("MARTIN-ESSAI", null, null, null, null, null, 0, 0)))
          .isInstanceOfSatisfying(SoapFaultException.class, e -> {
            assertThat(e.subcode()).endsWith("DMPAccessDeniedByRightsService");
            assertThat(DmpErrors.translate(e)).isInstanceOfSatisfying(DmpApiException.class,
                api -> assertThat(api.getMessage()).contains("DMPAccessDeniedByRightsService"));
          });
      connector.setAccessMode(AccessMode.BRIS_DE_GLACE);
      assertThatThrownBy(() -> PatientSearch.find(connector, input("MARTIN-ESSAI", null, null, null, null, null, 0, 0)))
          .isInstanceOf(SoapFaultException.class);
    }
  }

  @Test
  void inRegulationThePatientsAreFound() throws Exception {
    simulator.reset();
    try (DmpConnector connector = connect()) {
      connector.setAccessMode(AccessMode.CENTRE_15);
      FindPatientsAnswer found = PatientSearch.find(connector,
          input("Martin Essai", "alice", "19790315", "Paris", "75012", 3, 0, 0));
      assertThat(found.patients()).containsExactly(new FoundPatient("279035121518989", "T", "MARTIN-ESSAI", "ALICE",
          "MARTIN-ESSAI", "19790315", 3, "PARIS", "75012"));

      assertThat(PatientSearch.find(connector, input("MARTAN-ESSAI", null, null, "PARI", null, null, 0, 0))
          .patients()).isEmpty();
      assertThat(PatientSearch.find(connector, input("MARTAN-ESSAI", null, null, "PARI", null, null, 1, 1))
          .patients()).extracting(FoundPatient::ins).containsExactly("279035121518989");
      assertThat(PatientSearch.find(connector, input("BERNARD-ESSAI", null, null, null, null, null, 0, 0))
          .patients()).extracting(FoundPatient::patientGivenName).containsExactly("PAUL");
    }
    assertThat(simulator.dispatcher().journal().nonConformities()).isEmpty();
  }
}
