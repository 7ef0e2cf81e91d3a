package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import java.util.List;
import org.libreconnect.protocol.command.DmpCommands.FindDocumentsInput;
import org.libreconnect.protocol.command.DmpCommands.FoundDocument;
import org.libreconnect.protocol.objects.HandleType;
import org.libreconnect.protocol.objects.ObjectParameter;
import org.libreconnect.worker.dmp.DmpObjectSource;
import org.libreconnect.worker.objects.Handles;
import org.libreconnect.worker.objects.SessionObject;
import org.libreconnect.protocol.command.DmpCommands.SendDocumentInput;
import org.libreconnect.protocol.error.ErrorAnswer;
import org.libreconnect.simulator.dmp.DmpSimulator;
import org.libreconnect.simulator.dmp.DmpSimulatorConfig;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.TestPki;
import org.libreconnect.worker.WorkerErrors;
import org.libreconnect.dmp.transport.CxfDmpTransport;
import org.libreconnect.dmp.tx.AuthorizationTransactions;
import org.libreconnect.dmp.tx.DocumentRetrieval;
import org.libreconnect.dmp.tx.DocumentSearch;
import org.libreconnect.dmp.tx.DocumentSubmission;
import org.libreconnect.dmp.tx.DocumentUpdate;
import org.libreconnect.dmp.tx.PatientTransactions;
import org.libreconnect.dmp.vihf.LpsIdentity;

/** Every transaction against the DMP simulator, over real mutual TLS with a test card's keys. */
@Timeout(120)
class DmpSimulatorRoundTripTest {
  static final String INS = "279035121518989";
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

  static DmpConnector connect(DmpCredentials credentials, String base) throws Exception {
    KeyStore roots = TlsFixture.store(pki.elementaryRoot());
    return new DmpConnector(credentials, DmpUrls.resolve(base, null),
        new CxfDmpTransport(credentials.tlsContext(roots), Optional.empty(), Duration.ofSeconds(20)),
        Clock.systemUTC(), new LpsIdentity("LibreConnect", "test", "TEST", "2.25.42"), 0, "AMBULATOIRE");
  }

  @Test
  void patientAndAuthorisationTransactions() throws Exception {
    try (DmpConnector connector = connect(card, simulator.baseUrl().toString())) {
      var status = PatientTransactions.existence(connector, INS);
      assertThat(status.existingTestAnswer().dmpStatus()).isEqualTo(1);
      assertThat(status.existingTestAnswer().userAuthorization()).isEqualTo(2);
      assertThat(status.existingTestAnswer().adminData().patientName()).isEqualTo("MARTIN-ESSAI");
      var admin = PatientTransactions.administrativeData(connector, INS);
      assertThat(admin.patientData().extendedCivilStatus().civilStatus().given()).isEqualTo("ALICE");
      assertThat(PatientTransactions.accessibleDmps(connector, "LASTAUTORIZATION", "20000101"))
          .anyMatch(d -> d.ins().equals(INS));
      assertThat(AuthorizationTransactions.list(connector, INS, 1)).isNotEmpty();
      AuthorizationTransactions.update(connector, INS, 1, false);
    }
  }

  @Test
  void documentLifeCycle() throws Exception {
    try (DmpConnector connector = connect(card, simulator.baseUrl().toString())) {
      byte[] pdf = "%PDF-1.4 round trip".getBytes(StandardCharsets.US_ASCII);
      var sent = DocumentSubmission.send(connector, INS, new SendDocumentInput(INS, Base64.getEncoder().encodeToString(pdf),
          "CR de test", "description", "11488-4", 1, 5, "SA07", null, null, null, null, null, null, null,
          new com.fasterxml.jackson.databind.ObjectMapper().readTree("[{\"s_hpInternalId\":\"899900063481\","
              + "\"s_hpName\":\"AUTRE\",\"s_hpGiven\":\"ANNE\",\"s_hpProfession\":\"60\","
              + "\"s_hpProfessionDescription\":\"Infirmier\"}]"), null, null));
      var found = DocumentSearch.find(connector, INS, new FindDocumentsInput(INS, null, null, null, null, null, null,
          null, null, null, null, null, null, 7, null, null));
      assertThat(found).anyMatch(d -> d.uniqueId().equals(sent.uniqueId()));
      objectsOfTheSearch(connector, found.stream().filter(d -> d.uniqueId().equals(sent.uniqueId())).findFirst()
          .orElseThrow());
      var content = DocumentRetrieval.retrieve(connector, INS, sent.uniqueId(), true, true);
      assertThat(Base64.getDecoder().decode(content.fileContentInBase64())).isEqualTo(pdf);
      DocumentUpdate.visibility(connector, INS, sent.uniqueId(), 2);
      DocumentUpdate.toggleArchive(connector, INS, sent.uniqueId());
      DocumentUpdate.delete(connector, INS, sent.uniqueId());
    }
  }

  /** The found document, its authors and the connector's objects, as the object API shows them. */
  private static void objectsOfTheSearch(DmpConnector connector, FoundDocument mine) {
    assertThat(mine.handle()).isBetween(Handles.FIRST_DOCUMENT, Handles.LAST_DOCUMENT);
    SessionObject document = DmpObjectSource.find(connector, mine.handle()).orElseThrow();
    assertThat(document.type()).isEqualTo(HandleType.DOCUMENT);
    assertThat(document.values()).containsEntry(ObjectParameter.DOCUMENT_UNIQUE_ID, mine.uniqueId())
        .containsEntry(ObjectParameter.DOCUMENT_TITLE, "CR de test")
        .containsEntry(ObjectParameter.DOCUMENT_PATIENT_INS, INS)
        .containsEntry(ObjectParameter.DOCUMENT_FORMAT, 5);
    int authorsList = (Integer) document.values().get(ObjectParameter.DOCUMENT_AUTHORS);
    SessionObject authors = DmpObjectSource.find(connector, authorsList).orElseThrow();
    assertThat(authors.type()).isEqualTo(HandleType.LIST);
    assertThat(authors.items()).hasSize(mine.authors().size()).isNotEmpty()
        .containsExactlyElementsOf(mine.authors().stream().map(a -> a.handle()).toList());
    List<Object> names = authors.items().stream()
        .map(h -> DmpObjectSource.find(connector, h).orElseThrow().values().get(ObjectParameter.HP_NAME)).toList();
    assertThat(names).containsExactlyElementsOf(mine.authors().stream().map(a -> (Object) a.hpName()).toList());
    SessionObject dmp = DmpObjectSource.find(connector, Handles.DMP_CONNECTOR).orElseThrow();
    assertThat(dmp.values()).containsEntry(ObjectParameter.DMP_CONNECTOR_UNIQUE_ID, "2.25.42")
        .containsEntry(ObjectParameter.DMP_CONNECTOR_USER, Handles.USER);
    assertThat(DmpObjectSource.find(connector, Handles.USER).orElseThrow().values())
        .containsEntry(ObjectParameter.HP_INTERNAL_ID, connector.holder().psIdNat());
    assertThat(DmpObjectSource.find(connector, Handles.DMP_CONNECTION).orElseThrow().values())
        .containsEntry(ObjectParameter.CONNECTION_URL, connector.urls().base().toString());
    assertThat(DmpObjectSource.find(connector, mine.handle() * 100 + 49)).isEmpty();
    assertThat(DmpObjectSource.find(connector, Handles.FIRST_DOCUMENT - 1)).isEmpty();
  }

  /**
   * A structured medical summary (VSM, JS2 format 6, typeCode SYNTH): the CI-SIS header of the
   * connector's own wrapper, the VSM model templateId and a structured body.
   */
  static byte[] structuredSummary(String ins, java.time.Instant time) {
    var holder = new org.libreconnect.dmp.DmpHolder("899900063480", "LIBRE", "MAX", "10", "1.2.250.1.71.1.2.7",
        "Médecin", "SM26", "Qualifié en médecine générale (SM)", java.util.List.of());
    var location = new org.libreconnect.dmp.DmpPracticeLocation("CABINET DU DR MAX LIBRE", "499900063480001", "SA07");
    byte[] wrapped = new org.libreconnect.dmp.cda.CdaWrapper().wrap(new org.libreconnect.dmp.cda.CdaWrapper.Header(
        org.libreconnect.dmp.Oids.random(),
        "Synthèse", "SYNTH", "1.2.250.1.213.1.1.4.12", "Synthèse", "", ins, "1.2.250.1.213.1.4.10", holder, location,
        "AMBULATOIRE", "SA07", time, new org.libreconnect.dmp.cda.CdaWrapper.Patient("MARTIN-ESSAI", "ALICE", "F", "19790315"),
        java.util.List.of(), java.util.List.of(), null), new byte[0], "text/plain");
    String xml = new String(wrapped, StandardCharsets.UTF_8);
    return xml.replace("<templateId root=\"1.3.6.1.4.1.19376.1.2.20\"/>", "<templateId root=\"1.2.250.1.213.1.1.1.13\"/>")
        .replaceAll("<component><nonXMLBody>.*</nonXMLBody></component>",
            "<component><structuredBody><component><section><code code=\"48765-2\" codeSystem=\"2.16.840.1.113883.6.1\""
                + " displayName=\"Allergies\"/><title>Allergies</title><text>Aucune allergie connue</text>"
                + "</section></component></structuredBody></component>")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aStructuredSummaryWithInformantsAndTreatingPhysicianIsTakenAndComesBackStructured() throws Exception {
    try (DmpConnector connector = connect(card, simulator.baseUrl().toString())) {
      byte[] vsm = structuredSummary(INS, Instant.now());
      var json = new com.fasterxml.jackson.databind.ObjectMapper();
      var sent = DocumentSubmission.send(connector, INS, new SendDocumentInput(INS, Base64.getEncoder().encodeToString(vsm),
          "Synthèse", null, "SYNTH", 1, 6, "SA07", null, null, null, null, null, null, null, null, null, null));
      assertThat(sent.uniqueId()).isEqualTo(org.libreconnect.dmp.xml.Xml.attr(
          org.libreconnect.dmp.xml.Xml.parse(vsm).getDocumentElement(), "root", "id"));
      var content = DocumentRetrieval.retrieve(connector, INS, sent.uniqueId(), false, false);
      assertThat(content.documentFormat()).isEqualTo(6);
      assertThat(new String(Base64.getDecoder().decode(content.fileContentInBase64()), StandardCharsets.UTF_8))
          .contains("<structuredBody>");

      var wrapped = DocumentSubmission.send(connector, INS, new SendDocumentInput(INS,
          Base64.getEncoder().encodeToString("texte".getBytes(StandardCharsets.UTF_8)), "CR", null, "11488-4", 1, 1,
          "SA07", null, null, null, null, null,
          json.readTree("[{\"s_name\":\"MARTIN\",\"s_given\":\"JEAN\",\"i_type\":3}]"),
          json.readTree("{\"s_hpInternalId\":\"810100000001\",\"s_hpName\":\"TRAITANT\",\"s_hpGiven\":\"ANNE\","
              + "\"s_hpProfession\":\"10\",\"s_hpSpecialty\":\"SM54\"}"), null, null, null));
      var header = DocumentRetrieval.retrieve(connector, INS, wrapped.uniqueId(), true, false);
      assertThat(new String(Base64.getDecoder().decode(header.cdaHeadersInBase64()), StandardCharsets.UTF_8))
          .contains("<relatedEntity classCode=\"NOK\">").contains("<functionCode code=\"PCP\"");
    }
  }

  @Test
  void aProductionLikeServerRefusesTheTestCard() throws Exception {
    try (DmpConnector connector = connect(card, simulator.productionLikeBaseUrl().orElseThrow().toString())) {
      ErrorAnswer answer = new WorkerErrors().toAnswer(catchFailure(() -> PatientTransactions.existence(connector, INS)), "x");
      assertThat(answer.apiErrorType()).isEqualTo(3);
      assertThat(answer.apiErrorDescription()).contains("test card");
    }
  }

  static Throwable catchFailure(Runnable runnable) {
    try {
      runnable.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("no failure");
  }
}
