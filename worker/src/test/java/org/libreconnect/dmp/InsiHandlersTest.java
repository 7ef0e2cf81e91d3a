package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.config.Ntp;
import org.libreconnect.config.Proxy;
import org.libreconnect.dmp.time.NtpClocks;
import org.libreconnect.dmp.transport.CxfDmpTransport;
import org.libreconnect.insi.InsiSettings;
import org.libreconnect.insi.VitaleBeneficiary;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.insi.InsiSimulator;
import org.libreconnect.simulator.pki.TestPki;
import org.libreconnect.worker.WorkerHarness;
import org.libreconnect.worker.insi.InsiConnectorFactory;
import org.libreconnect.worker.insi.InsiHandlers;
import org.libreconnect.worker.insi.VitaleBeneficiaries;

/** The INSi commands through the worker's dispatch, against the INSi simulator. */
@Timeout(120)
class InsiHandlersTest {
  static final String PIN = "97531864";
  static final String LPS = "\"LpsInfos\":{\"s_idam\":\"TESTLC000001\",\"s_numAM\":\"4\",\"s_version\":\"1.0.0\","
      + "\"s_instance\":\"791e183f-6f66-4248-a312-5ed5cd4785d4\",\"s_name\":\"LibreConnect\",\"s_billingNumber\":\"991130972\"}";
  /** The simulated Vitale TEST card's beneficiaries (docs/insi.md, "Identities"). */
  static final List<VitaleBeneficiary> CARD = List.of(
      new VitaleBeneficiary("1530789876585", "13", "1530789876585", "13", "19530712", 1, "BERNARD-ESSAI",
          "BERNARD-ESSAI", "PAUL", 0),
      new VitaleBeneficiary("2790351215189", "89", "1530789876585", "13", "19790315", 1, "BERNARD-ESSAI",
          "MARTIN-ESSAI", "ALICE", 2),
      new VitaleBeneficiary("1150975112003", "82", "1530789876585", "13", "20150904", 1, "BERNARD-ESSAI",
          "BERNARD-ESSAI", "LEO", 6),
      new VitaleBeneficiary("2482099350045", "73", "1530789876585", "13", "19480000", 1, "HAMIDI-ESSAI",
          "HAMIDI-ESSAI", "FATIMA", 1));

  static TestPki pki;
  static InsiSimulator simulator;
  static DmpCredentials card;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.generate(Clock.systemUTC(), 2048);
    simulator = InsiSimulator.start(pki, Clock.systemUTC());
    CpsIdentity doctor = CpsIdentity.testDoctor();
    card = SoftwareCredentials.of(pki.issueCard(doctor), doctor);
    // The first exchange of a JVM loads CXF and compiles the simulator's schemas: done here, so
    // that the dispatch's answer deadline measures the commands only.
    try (var insi = new org.libreconnect.insi.InsiConnector(card,
        org.libreconnect.insi.InsiUrls.resolve("s_insiUrl", simulator.endpoint().toString(), Optional::empty),
        new CxfDmpTransport(card.tlsContext(TlsFixture.store(pki.elementaryRoot())), Optional.empty(),
            Duration.ofSeconds(30)), Clock.systemUTC())) {
      insi.searchByTraits(new org.libreconnect.protocol.command.InsiCommands.LpsInfos("TESTLC000001", "4", "1.0.0",
          "791e183f-6f66-4248-a312-5ed5cd4785d4", "LibreConnect", "991130972"),
          org.libreconnect.insi.IdentityTraits.of("BERNARD-ESSAI", "PAUL", 2, "1953-07-12", null));
    }
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  static WorkerHarness worker(Path dir, VitaleBeneficiaries vitale) {
    InsiSettings settings = new InsiSettings(Proxy.none(), Ntp.defaults(), Optional.empty(), () -> {
      try {
        return TlsFixture.store(pki.elementaryRoot());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, () -> Optional.of(simulator.endpoint()));
    InsiConnectorFactory factory = new InsiConnectorFactory((session, pin) -> card, settings,
        new NtpClocks(Clock.systemUTC()), CxfDmpTransport::new);
    return new WorkerHarness(dir, table -> new InsiHandlers(factory, vitale).register(table), Duration.ofMillis(50),
        CommandCatalogue.standard());
  }

  static String create() {
    return "{\"s_commandName\":\"hl_createInsiConnector\",\"s_pinCode\":\"" + PIN
        + "\",\"s_serviceUrl\":\"https://qualiflps.services-ps.ameli.fr/lps\",\"i_transactionsTimeout\":20,"
        + "\"s_practiceSetting\":\"AMBULATOIRE\",\"i_cpsPracticeLocationIndice\":0}";
  }

  @Test
  void theVitaleBeneficiaryOfTheLastReadGetsItsIns(@TempDir Path dir) throws Exception {
    WorkerHarness worker = worker(dir, session -> Optional.of(CARD));
    worker.openSession("s1", "app");
    ObjectNode early = worker.call("s1", "{\"s_commandName\":\"hl_getInsFromVitaleCard\"," + LPS
        + ",\"i_vitalePatientIndex\":2}");
    assertThat(early.path("s_apiErrorDescription").asText()).contains("hl_createInsiConnector");
    ObjectNode created = worker.call("s1", create());
    assertThat(created.path("s_status").asText()).as(created.toString()).isEqualTo("OK");
    assertThat(created.toString()).doesNotContain(PIN);

    ObjectNode leo = worker.call("s1", "{\"s_commandName\":\"hl_getInsFromVitaleCard\"," + LPS
        + ",\"i_vitalePatientIndex\":2}");
    assertThat(leo.path("s_status").asText()).as(leo.toString()).isEqualTo("OK");
    assertThat(leo.path("i_insIdentityResult").asInt()).isEqualTo(2);
    assertThat(leo.path("Identity").path("Ins").path("s_value").asText()).isEqualTo("1150975112003");
    assertThat(leo.path("Identity").path("s_given").asText()).isEqualTo("LEO");
    assertThat(leo.path("Identity").path("s_birthGiven").asText()).isEqualTo("LEO");
    assertThat(leo.path("Identity").path("History").isArray()).isTrue();

    ObjectNode fatima = worker.call("s1", "{\"s_commandName\":\"hl_getInsFromVitaleCard\"," + LPS
        + ",\"i_vitalePatientIndex\":3}");
    assertThat(fatima.path("Identity").path("s_birthDate").asText()).isEqualTo("1948-00-00");

    ObjectNode outside = worker.call("s1", "{\"s_commandName\":\"hl_getInsFromVitaleCard\"," + LPS
        + ",\"i_vitalePatientIndex\":4}");
    assertThat(outside.path("s_status").asText()).isNotEqualTo("OK");
    assertThat(outside.path("s_apiErrorDescription").asText()).contains("i_vitalePatientIndex");
  }

  @Test
  void withoutAVitaleReadTheDocumentedError(@TempDir Path dir) throws Exception {
    WorkerHarness worker = worker(dir, VitaleBeneficiaries.NONE);
    worker.openSession("s1", "app");
    worker.call("s1", create());
    ObjectNode unread = worker.call("s1", "{\"s_commandName\":\"hl_getInsFromVitaleCard\"," + LPS
        + ",\"i_vitalePatientIndex\":0}");
    assertThat(unread.path("s_status").asText()).isNotEqualTo("OK");
    assertThat(unread.path("s_apiErrorDescription").asText()).contains("card must have been read");
  }

  @Test
  void missingLpsInfosAndBadInsAreNamedByKey(@TempDir Path dir) throws Exception {
    WorkerHarness worker = worker(dir, VitaleBeneficiaries.NONE);
    worker.openSession("s1", "app");
    worker.call("s1", create());
    ObjectNode noIdam = worker.call("s1", "{\"s_commandName\":\"hl_getInsFromIdentityInformation\","
        + "\"LpsInfos\":{\"s_numAM\":\"4\"},\"s_birthName\":\"BERNARD-ESSAI\",\"s_given\":\"PAUL\",\"i_sex\":2,"
        + "\"s_birthDate\":\"1953-07-12\"}");
    assertThat(noIdam.path("s_apiErrorDescription").asText()).contains("LpsInfos.s_idam");
    ObjectNode badIns = worker.call("s1", "{\"s_commandName\":\"hl_checkInsIdentity\"," + LPS
        + ",\"s_ins\":\"12AB\",\"s_key\":\"13\",\"s_birthName\":\"BERNARD-ESSAI\",\"s_given\":\"PAUL\",\"i_sex\":2,"
        + "\"s_birthDate\":\"1953-07-12\"}");
    assertThat(badIns.path("s_apiErrorDescription").asText()).contains("s_ins").doesNotContain("12AB");
  }
}
