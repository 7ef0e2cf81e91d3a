package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.server.Callers;
import org.libreconnect.server.CurlExample;
import org.libreconnect.server.Operations;
import org.libreconnect.server.ServerMain;

/**
 * The server mode as a real process in simulation mode: the printed curl line, the issue's
 * getDmpStatus call in indirect mode (the simulator's own record of the signed VIHF), the DMP
 * scenario through REST with the establishment's PKCS#12 credential, the caller checks (401/403
 * with nothing reaching the DMP), the OpenAPI description against real answers, and the graceful
 * stop.
 */
class ServerModeIT {
  static final String FULL_TOKEN = "full-caller-token-0123456789";
  static final String READER_TOKEN = "reader-caller-token-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  static ServerProcess server;
  static HttpClient http;

  static String callers() {
    return "    <callers>\n"
        + "      <caller><name>dpi</name><token_sha256>" + Callers.sha256Hex(FULL_TOKEN)
        + "</token_sha256><operations>*</operations></caller>\n"
        + "      <caller><name>reader</name><token_sha256>" + Callers.sha256Hex(READER_TOKEN)
        + "</token_sha256><operations>getDmpStatus findDocuments</operations></caller>\n"
        + "    </callers>";
  }

  @BeforeAll
  static void start() throws Exception {
    server = ServerProcess.start(work.resolve("home"), ServerProcess.config(true, callers()));
    http = client(server.caCertificate());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static HttpClient client(Path ca) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(ca)) {
      trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
  }

  static HttpResponse<String> post(HttpClient client, int port, String operation, String token, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/" + operation))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static ObjectNode request(String ins) throws Exception {
    return (ObjectNode) JSON.readTree(CurlExample.getDmpStatusBody(ins));
  }

  static JsonNode ok(String operation, ObjectNode body) throws Exception {
    HttpResponse<String> response = post(http, server.port(), operation, FULL_TOKEN, body.toString());
    assertThat(response.statusCode()).as(operation + ": " + response.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("s_status").asText()).isEqualTo("OK");
    return answer;
  }

  @Test
  void thePrintedCurlLineAnswersTheDmpStatus() throws Exception {
    String line = server.curlLine().orElseThrow(() -> new AssertionError("no curl line printed"));
    Process curl = new ProcessBuilder("bash", "-c", line).redirectErrorStream(true).start();
    String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(curl.exitValue()).as(output).isZero();
    JsonNode answer = JSON.readTree(output);
    assertThat(answer.path("s_status").asText()).as(output).isEqualTo("OK");
    assertThat(answer.path("i_dmpStatus").asInt()).as(output).isEqualTo(DmpScenario.DMP_EXISTS);
    assertThat(answer.at("/AdminData/Ins/s_ins").asText()).isEqualTo(ServerMain.SIMULATION_PATIENT);
  }

  @Test
  void getDmpStatusGoesInIndirectModeSignedByTheEstablishment() throws Exception {
    HttpResponse<String> response = post(http, server.port(), "getDmpStatus", READER_TOKEN,
        CurlExample.getDmpStatusBody(DmpScenario.EXISTING));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("i_dmpStatus").asInt()).isEqualTo(DmpScenario.DMP_EXISTS);
    assertThat(answer.at("/AdminData/s_patientName").asText()).isEqualTo("MARTIN-ESSAI");
    assertThat(answer.has("i_userAuthorization")).isTrue();
    assertThat(server.logs()).as("the DMP simulator's record of the VIHF it accepted")
        .contains("dmp.vihf.accepted mode=INDIRECTE structure=499900063480002")
        .contains("CN=LIBRECONNECT SERVEUR DE TEST,OU=499900063480002")
        .contains("tlsClientIsSigner=true");
  }

  @Test
  void theDmpScenarioRunsThroughRest() throws Exception {
    String ins = DmpScenario.UNAUTHORISED;
    assertThat(ok("getDmpStatus", request(ins)).path("i_dmpStatus").asInt()).isEqualTo(DmpScenario.DMP_EXISTS);
    // The rights matrix forbids TD0.3 in indirect mode (dmp.md): the DMP's refusal comes back as a
    // 502 with its own code; a structure feeds a DMP without an authorisation.
    ObjectNode add = request(ins).put("i_action", 1);
    HttpResponse<String> refused = post(http, server.port(), "updateUserDmpAccessAuthorization", FULL_TOKEN, add.toString());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(502);
    assertThat(JSON.readTree(refused.body()).path("s_apiErrorDescription").asText())
        .startsWith("DMPAccessDeniedByRightsService");
    assertThat(ok("getDmpStatus", request(ins)).path("i_userAuthorization").asInt())
        .isEqualTo(DmpScenario.NO_AUTHORIZATION);

    byte[] pdf = DmpScenario.pdf();
    ObjectNode send = request(ins);
    send.put("s_fileContentBase64", Base64.getEncoder().encodeToString(pdf));
    send.put("s_documentTitle", "CR (mode serveur)");
    send.put("s_documentDescription", "Envoyé par le mode serveur");
    send.put("s_documentCategory", "11488-4");
    send.put("i_documentVisibility", 1);
    send.put("i_documentFormat", 2);
    send.put("s_healthcareSetting", "SA07");
    String uniqueId = ok("sendDocument", send).path("s_uniqueId").asText();
    assertThat(uniqueId).isNotBlank();

    JsonNode found = find(ins, uniqueId);
    assertThat(found).as("TD3.1 finds the document sent").isNotNull();
    assertThat(found.path("s_title").asText()).isEqualTo("CR (mode serveur)");

    ObjectNode read = request(ins).put("s_documentUniqueId", uniqueId).put("i_getCdaHeaders", 1).put("i_getPerformer", 1);
    // TD3.2 is not open to structures (rights matrix): the DMP's refusal, as a 502.
    HttpResponse<String> get = post(http, server.port(), "getDocumentContentByUniqueId", FULL_TOKEN, read.toString());
    assertThat(get.statusCode()).as(get.body()).isEqualTo(502);
    assertThat(JSON.readTree(get.body()).path("s_apiErrorDescription").asText())
        .startsWith("DMPAccessDeniedByRightsService").contains("TD3.2");

    ObjectNode hide = request(ins).put("s_documentUniqueId", uniqueId).put("s_healthCareSettings", "SA07")
        .put("i_newVisibility", 2);
    // A structure may only delete its documents (rights matrix): hiding is refused by the DMP.
    HttpResponse<String> hidden = post(http, server.port(), "updateDocumentVisibilityByUniqueId", FULL_TOKEN, hide.toString());
    assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(502);
    assertThat(JSON.readTree(hidden.body()).path("s_apiErrorDescription").asText())
        .startsWith("DMPAccessDeniedByRightsService");
    assertThat(find(ins, uniqueId).path("i_document_Visibility").asInt()).isEqualTo(1);

    ok("deleteDocument", request(ins).put("s_uniqueId", uniqueId).put("s_healthCareSettings", "SA07"));
    assertThat(find(ins, uniqueId)).as("deleted").isNull();
  }

  @Test
  void theRecordOperationsAnswerAsTheDmpDoesForAStructure() throws Exception {
    String ins = DmpScenario.UNAUTHORISED;
    // TD2.1 with several documents: one submission set, their uniqueIds in the order sent.
    ObjectNode send = request(ins).put("s_healthcareSetting", "SA07").put("s_submissionSetTitle", "Lot serveur");
    String content = Base64.getEncoder().encodeToString(DmpScenario.pdf());
    for (String title : new String[] {"CR lot 1", "CR lot 2"}) {
      send.withArray("Documents").addObject().put("s_contentInBase64", content).put("s_title", title)
          .put("s_description", "Envoyé par lot").put("s_category", "11488-4").put("i_visibility", 1)
          .put("i_format", 2);
    }
    JsonNode ids = ok("sendDocuments", send).path("UniqueIds");
    assertThat(ids).hasSize(2);
    assertThat(find(ins, ids.get(0).asText()).path("s_title").asText()).isEqualTo("CR lot 1");
    assertThat(find(ins, ids.get(1).asText()).path("s_title").asText()).isEqualTo("CR lot 2");

    // TD1.3a is open to structures: the contact the DMP holds for the patient.
    assertThat(ok("getOtpChannelValue", request(DmpScenario.EXISTING).put("i_otpChannelType", 1))
        .path("s_otpChannelValue").asText()).isEqualTo("0600000001");
    assertThat(ok("getMajorityAge", request(DmpScenario.EXISTING)).path("i_majorityAge").asInt()).isEqualTo(18);

    // TD0.5 and TD1.1 to TD1.4 are not open to structures (rights matrix): the DMP's refusal.
    ObjectNode search = request(DmpScenario.EXISTING).put("s_name", "MARTIN-ESSAI").put("i_approxName", 0)
        .put("i_approxCity", 0);
    search.remove("s_ins");
    ObjectNode close = request(ins).put("s_reason", "FERMETURE_DEMANDE_PATIENT").put("s_name", "ESSAI")
        .put("s_given", "PAUL");
    for (var refused : java.util.Map.of("findPatients", search, "closeDmp", close).entrySet()) {
      HttpResponse<String> response = post(http, server.port(), refused.getKey(), FULL_TOKEN, refused.getValue().toString());
      assertThat(response.statusCode()).as(refused.getKey() + ": " + response.body()).isEqualTo(502);
      assertThat(JSON.readTree(response.body()).path("s_apiErrorDescription").asText())
          .startsWith("DMPAccessDeniedByRightsService");
    }
    assertThat(ok("getDmpStatus", request(ins)).path("i_dmpStatus").asInt()).as("still open")
        .isEqualTo(DmpScenario.DMP_EXISTS);
  }

  @Test
  void anInsiSearchGoesWithTheEstablishmentCertificate() throws Exception {
    ObjectNode body = request(DmpScenario.EXISTING);
    body.remove("s_ins");
    body.remove("s_dmpUrl");
    body.setAll((ObjectNode) JSON.readTree("{" + InsiIT.LPS_INFOS + "}"));
    body.put("s_insiUrl", InsiIT.QUALIFICATION).put("s_birthName", "BERNARD-ESSAI").put("s_given", "PAUL")
        .put("i_sex", 2).put("s_birthDate", "1953-07-12").put("s_birthPlace", "89387");
    JsonNode answer = ok("getInsFromIdentityInformation", body);
    assertThat(answer.path("i_insIdentityResult").asInt()).as(answer.toString()).isEqualTo(2);
    assertThat(answer.at("/Identity/Ins/s_value").asText()).isEqualTo("1530789876585");
    assertThat(answer.at("/Identity/Ins/s_key").asText()).isEqualTo("13");
    assertThat(answer.at("/Identity/s_birthName").asText()).isEqualTo("BERNARD-ESSAI");
    assertThat(server.logs()).as("the INSi simulator took the establishment's certificate and assertion")
        .contains("insi.assertion.accepted client=structure");
    ok("checkInsIdentity", body.deepCopy().put("s_ins", "1530789876585").put("s_key", "13"));
    HttpResponse<String> mismatch = post(http, server.port(), "checkInsIdentity", FULL_TOKEN,
        body.deepCopy().put("s_ins", "1530789876586").put("s_key", "13").toString());
    assertThat(mismatch.statusCode()).as(mismatch.body()).isEqualTo(502);
    ObjectNode nobody = body.deepCopy().put("s_birthName", "PERSONNE-ESSAI");
    assertThat(ok("getInsFromIdentityInformation", nobody).path("i_insIdentityResult").asInt()).isEqualTo(1);
    ObjectNode noSoftware = body.deepCopy();
    noSoftware.remove("LpsInfos");
    assertThat(post(http, server.port(), "getInsFromIdentityInformation", FULL_TOKEN, noSoftware.toString())
        .statusCode()).isEqualTo(400);
  }

  private JsonNode find(String ins, String uniqueId) throws Exception {
    for (JsonNode document : ok("findDocuments", request(ins).put("i_status", 7)).path("Documents")) {
      if (document.path("s_uniqueId").asText().equals(uniqueId)) {
        return document;
      }
    }
    return null;
  }

  @Test
  void callersWithoutAValidCredentialOrPermissionReachNothing() throws Exception {
    long before = dmpTransactions();
    String body = CurlExample.getDmpStatusBody(DmpScenario.EXISTING);
    HttpResponse<String> none = post(http, server.port(), "getDmpStatus", null, body);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(JSON.readTree(none.body()).path("s_status").asText()).isEqualTo("ERROR");
    assertThat(post(http, server.port(), "getDmpStatus", "not-a-known-token", body).statusCode()).isEqualTo(401);
    assertThat(post(http, server.port(), "deleteDocument", "not-a-known-token", body).statusCode()).isEqualTo(401);
    HttpResponse<String> forbidden = post(http, server.port(), "deleteDocument", READER_TOKEN,
        request(DmpScenario.EXISTING).put("s_uniqueId", "1.2.3").toString());
    assertThat(forbidden.statusCode()).as(forbidden.body()).isEqualTo(403);
    assertThat(post(http, server.port(), "sendDocument", READER_TOKEN, body).statusCode()).isEqualTo(403);
    Thread.sleep(300);
    assertThat(dmpTransactions()).as("no request reached the DMP").isEqualTo(before);
  }

  @Test
  void badInputIsA400WithTheJs2ErrorAndNoEcho() throws Exception {
    HttpResponse<String> notJson = post(http, server.port(), "getDmpStatus", FULL_TOKEN, "{not json secret-value");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).doesNotContain("secret-value");
    ObjectNode noIdentity = JSON.createObjectNode().put("s_ins", DmpScenario.EXISTING);
    HttpResponse<String> missing = post(http, server.port(), "getDmpStatus", FULL_TOKEN, noIdentity.toString());
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(missing.body()).path("s_errorDescription").asText()).contains("HP");
    ObjectNode badIns = request("12345SECRET");
    HttpResponse<String> invalid = post(http, server.port(), "getDmpStatus", FULL_TOKEN, badIns.toString());
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).doesNotContain("12345SECRET");
    assertThat(post(http, server.port(), "noSuchOperation", FULL_TOKEN, "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void alternativeOuterKeysAreAccepted() throws Exception {
    ObjectNode body = request(DmpScenario.EXISTING);
    body.set("Identity", body.remove("UserIdentity"));
    assertThat(ok("getDmpStatus", body).path("i_dmpStatus").asInt()).isEqualTo(DmpScenario.DMP_EXISTS);
    ObjectNode flat = request(DmpScenario.EXISTING);
    JsonNode identity = flat.remove("UserIdentity");
    flat.setAll((ObjectNode) identity);
    assertThat(ok("getDmpStatus", flat).path("i_dmpStatus").asInt()).isEqualTo(DmpScenario.DMP_EXISTS);
  }

  @Test
  void healthReadinessAndTheOpenApiDescriptionMatchRealAnswers() throws Exception {
    for (String path : new String[] {"/health", "/ready"}) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
          URI.create("https://localhost:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
    }
    HttpResponse<String> described = http.send(HttpRequest.newBuilder(
        URI.create("https://localhost:" + server.port() + "/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(described.statusCode()).isEqualTo(200);
    JsonNode openApi = JSON.readTree(described.body());
    for (Operations.Operation<?> operation : Operations.all()) {
      assertThat(openApi.at("/paths/~1" + operation.name() + "/post/operationId").asText())
          .as(operation.name()).isEqualTo(operation.name());
      // Every described operation exists: without a token it is a 401, an unknown one a 404 with a token.
      assertThat(post(http, server.port(), operation.name(), null, "{}").statusCode()).isEqualTo(401);
    }
    Iterator<String> paths = openApi.path("paths").fieldNames();
    while (paths.hasNext()) {
      String path = paths.next();
      if (openApi.path("paths").path(path).has("post")) {
        assertThat(Operations.find(path.substring(1))).as(path).isPresent();
      }
    }
    JsonNode schema = openApi.at("/paths/~1getDmpStatus/post/responses/200/content/application~1json/schema/properties");
    JsonNode answer = ok("getDmpStatus", request(DmpScenario.EXISTING));
    Iterator<String> keys = answer.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      assertThat(schema.has(key)).as("getDmpStatus answer key " + key + " is described").isTrue();
    }
    JsonNode findSchema = openApi.at("/paths/~1findDocuments/post/responses/200/content/application~1json/schema/properties");
    JsonNode findAnswer = ok("findDocuments", request(DmpScenario.EXISTING).put("i_status", 7));
    findAnswer.fieldNames().forEachRemaining(key -> assertThat(findSchema.has(key)).as(key).isTrue());
    JsonNode requestSchema = openApi.at("/paths/~1getDmpStatus/post/requestBody/content/application~1json/schema/properties");
    request(DmpScenario.EXISTING).fieldNames().forEachRemaining(key -> assertThat(requestSchema.has(key)).as(key).isTrue());
  }

  private static long dmpTransactions() throws Exception {
    return server.logs().lines().filter(line -> line.contains("dmp.transaction ")).count();
  }
}
