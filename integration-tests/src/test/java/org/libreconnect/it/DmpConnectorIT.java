package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Every DMP command through the connector's WebSocket, against the DMP simulator over real mutual
 * TLS with the simulated card's authentication key, with the transaction dump switched on; and
 * {@link DmpScenario} with the card key held in the worker (simulation mode), the first of the
 * three ways the key is reached (the others: {@link DmpSoftHsmCardIT}, {@link DmpOpenScCardIT}).
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DmpConnectorIT {
  DmpStack stack;
  Path dump;

  @BeforeAll
  void start() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "dmp-connector-it");
    dump = dir.resolve("dump");
    stack = new DmpStack(dir.resolve("home"),
        "<dmpconnect><transactionDumpDirectory>" + dump + "</transactionDumpDirectory></dmpconnect>");
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void everyCommandRoundTrips() throws Exception {
    DmpStack.Session session = stack.session("dmp-all");
    JsonNode created = session.createConnector(c -> c);
    assertThat(created.path("s_status").asText()).as(created.toString()).isEqualTo("OK");
    assertThat(created.path("s_instanceUniqueId").asText()).startsWith("2.25.");

    JsonNode status = session.status(DmpStack.INS);
    assertThat(status.path("s_status").asText()).as(status.toString()).isEqualTo("OK");
    assertThat(status.at("/ExistingTestAnswer/i_dmpStatus").asInt()).isEqualTo(1);
    assertThat(status.at("/ExistingTestAnswer/i_userAuthorization").asInt()).isEqualTo(2);
    assertThat(status.at("/ExistingTestAnswer/AdminData/s_patientName").asText()).isEqualTo("MARTIN-ESSAI");

    JsonNode admin = session.ok("{\"s_commandName\":\"hl_getDmpAdministrativeData\",\"s_ins\":\"" + DmpStack.INS + "\"}");
    assertThat(admin.at("/PatientData/ExtendedCivilStatus/CivilStatus/s_given").asText()).isEqualTo("ALICE");
    JsonNode list = session.ok("{\"s_commandName\":\"hl_getAccessibleDMPList\",\"s_type\":\"LASTAUTORIZATION\",\"s_date\":\"20000101\"}");
    assertThat(list.path("AccessibleDmps").findValuesAsText("s_ins")).contains(DmpStack.INS);
    JsonNode authorizations = session.ok("{\"s_commandName\":\"hl_getDmpAuthorizationsList\",\"s_ins\":\"" + DmpStack.INS
        + "\",\"i_authorizationType\":1}");
    assertThat(authorizations.path("AuthorizationList").findValuesAsText("s_nationalId")).contains("899900063480");
    session.ok("{\"s_commandName\":\"hl_updateUserDmpAccessAuthorization\",\"s_ins\":\"" + DmpStack.INS + "\",\"i_action\":1}");
    JsonNode urls = session.ok("{\"s_commandName\":\"hl_getWebPsDmpUrls\",\"s_ins\":\"" + DmpStack.INS + "\"}");
    assertThat(urls.path("Urls")).hasSize(8);

    byte[] pdf = "%PDF-1.4 LibreConnect IT".getBytes(StandardCharsets.US_ASCII);
    ObjectNode send = stack.client.mapper().createObjectNode();
    send.put("s_commandName", "hl_sendDocument");
    send.put("s_ins", DmpStack.INS);
    send.put("s_fileContentBase64", Base64.getEncoder().encodeToString(pdf));
    send.put("s_documentTitle", "CR de test");
    send.put("s_documentDescription", "Envoyé par DmpConnectorIT");
    send.put("s_documentCategory", "11488-4");
    send.put("i_documentVisibility", 1);
    send.put("i_documentFormat", 5);
    send.put("s_healthcareSetting", "SA07");
    JsonNode sent = session.call(send);
    assertThat(sent.path("s_status").asText()).as(sent.toString()).isEqualTo("OK");
    String uniqueId = sent.path("s_uniqueId").asText();

    JsonNode found = session.ok("{\"s_commandName\":\"hl_findDocuments\",\"s_ins\":\"" + DmpStack.INS + "\",\"i_status\":7}");
    JsonNode mine = null;
    for (JsonNode document : found.path("Documents")) {
      if (document.path("s_uniqueId").asText().equals(uniqueId)) {
        mine = document;
      }
    }
    assertThat(mine).as(found.toString()).isNotNull();
    assertThat(mine.path("i_document_Format").asInt()).isEqualTo(5);
    JsonNode byHandle = session.ok("{\"s_commandName\":\"hl_getDocumentContent\",\"i_documentHandle\":"
        + mine.path("i_handle").asInt() + ",\"i_getCdaHeaders\":1,\"i_getPerformer\":1}");
    assertThat(Base64.getDecoder().decode(byHandle.path("s_fileContentInBase64").asText())).isEqualTo(pdf);
    JsonNode byId = session.ok("{\"s_commandName\":\"hl_getDocumentContentByUniqueId\",\"s_ins\":\"" + DmpStack.INS
        + "\",\"s_documentUniqueId\":\"" + uniqueId + "\",\"i_getCdaHeaders\":1,\"i_getPerformer\":1}");
    assertThat(byId.path("i_documentFormat").asInt()).isEqualTo(5);
    session.ok("{\"s_commandName\":\"hl_updateDocumentVisibilityByUniqueId\",\"s_ins\":\"" + DmpStack.INS
        + "\",\"s_documentUniqueId\":\"" + uniqueId + "\",\"s_healthCareSettings\":\"SA07\",\"i_newVisibility\":2}");
    session.ok("{\"s_commandName\":\"hl_updateDocumentStatusByUniqueId\",\"s_ins\":\"" + DmpStack.INS
        + "\",\"s_documentUniqueId\":\"" + uniqueId + "\",\"s_healthCareSettings\":\"SA07\"}");
    session.ok("{\"s_commandName\":\"hl_deleteDocument\",\"s_ins\":\"" + DmpStack.INS + "\",\"s_uniqueId\":\"" + uniqueId
        + "\",\"s_healthCareSettings\":\"SA07\"}");

    session.ok("{\"s_commandName\":\"hl_setPracticeLocation\",\"i_cpsPracticeLocationIndice\":\"1\",\"s_practiceSetting\":\"AMBULATOIRE\"}");
    session.ok("{\"s_commandName\":\"hl_setConfidentialityLevel\",\"i_enableSecretConnection\":1}");
    session.ok("{\"s_commandName\":\"hl_setDmpAccessMode\",\"i_accessMode\":1,\"s_reason\":\"\"}");
    assertThat(session.status(DmpStack.INS).path("s_status").asText()).isEqualTo("OK");
  }

  @Test
  void theIssueScenarioPassesWithTheSimulatedCard() throws Exception {
    DmpStack.Session session = stack.session("dmp-scenario");
    JsonNode created = session.createConnector(c -> c);
    assertThat(created.path("s_status").asText()).as(created.toString()).isEqualTo("OK");
    DmpScenario.run(session::call, stack.simulator);
  }

  @Test
  void theDumpHoldsEachRequestAndAnswerButNoPin() throws Exception {
    DmpStack.Session session = stack.session("dmp-dump");
    session.createConnector(c -> c);
    JsonNode status = session.status(DmpStack.INS);
    assertThat(status.path("s_status").asText()).as(status.toString()).isEqualTo("OK");
    // the worker writes its dump in the background, after the answer
    List<Path> files = List.of();
    for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; Thread.sleep(50)) {
      if (!Files.isDirectory(dump)) {
        continue;
      }
      try (Stream<Path> list = Files.list(dump)) {
        files = list.filter(p -> !p.getFileName().toString().endsWith(".tmp")).toList();
      }
      if (files.stream().anyMatch(p -> p.getFileName().toString().endsWith("TD0.2-response.xml"))) {
        break;
      }
    }
    assertThat(files).anyMatch(p -> p.getFileName().toString().endsWith("TD0.2-request.xml"))
        .anyMatch(p -> p.getFileName().toString().endsWith("TD0.2-response.xml"));
    for (Path file : files) {
      String text = Files.readString(file);
      assertThat(text).doesNotContain("s_pinCode").doesNotContain("\"" + DmpStack.PIN + "\"");
    }
  }
}
