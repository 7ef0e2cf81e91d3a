package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/**
 * The document half of {@link DmpScenario}: a PDF sent to a patient's DMP (TD2.1), found by its
 * uniqueId (TD3.1), read back by handle and by uniqueId (TD3.2), hidden from the patient and
 * deleted (TD3.3). The simulator never shows a deleted document again, not even by uniqueId, so
 * afterwards the search misses it and reading it is the registry's {@code XDSDocumentUniqueIdError}.
 */
final class DmpDocumentLifecycle {
  /** JS2 DocumentFormat PdfApplication. */
  static final int PDF = 5;
  /** JS2 DocumentVisibility bits. */
  static final int NORMAL = 1;
  static final int PATIENT_HIDDEN = 2;
  /** JS2 DocumentStatus Approved, and every status (Approved + Deprecated + Archived). */
  static final int APPROVED = 1;
  static final int ANY_STATUS = 7;

  private static final String TITLE = "CR de consultation (scénario DMP)";
  private static final String CATEGORY = "11488-4";
  private static final String SETTING = "SA07";

  private final DmpScenario scenario;

  DmpDocumentLifecycle(DmpScenario scenario) {
    this.scenario = scenario;
  }

  /** Runs the lifecycle on the DMP of {@code ins}, which the caller must be authorised on. */
  void run(String ins) throws Exception {
    byte[] pdf = DmpScenario.pdf();
    String uniqueId = send(ins, pdf);

    JsonNode found = find(ins, uniqueId);
    assertThat(found).as("TD3.1 finds the document sent").isNotNull();
    assertThat(found.path("s_title").asText()).isEqualTo(TITLE);
    assertThat(found.path("s_typeCode").asText()).isEqualTo(CATEGORY);
    assertThat(found.path("s_healthCareFacilityTypeCode").asText()).isEqualTo(SETTING);
    assertThat(found.path("i_document_Format").asInt()).isEqualTo(PDF);
    assertThat(found.path("i_document_Status").asInt()).isEqualTo(APPROVED);
    assertThat(found.path("i_document_Visibility").asInt()).isEqualTo(NORMAL);
    assertThat(found.path("s_submissionDate").asText()).as("from the submission set").matches("\\d{14}");

    readBack(ins, uniqueId, found.path("i_handle").asInt(), pdf);
    hideFromPatient(ins, uniqueId);
    delete(ins, uniqueId);
  }

  private String send(String ins, byte[] pdf) throws Exception {
    ObjectNode send = scenario.command("hl_sendDocument", ins);
    send.put("s_fileContentBase64", Base64.getEncoder().encodeToString(pdf));
    send.put("s_documentTitle", TITLE);
    send.put("s_documentDescription", "Envoyé par DmpScenario");
    send.put("s_documentCategory", CATEGORY);
    send.put("i_documentVisibility", NORMAL);
    send.put("i_documentFormat", PDF);
    send.put("s_healthcareSetting", SETTING);
    String uniqueId = scenario.ok(send).path("s_uniqueId").asText();
    assertThat(uniqueId).as("s_uniqueId of hl_sendDocument").isNotBlank();
    return uniqueId;
  }

  private void readBack(String ins, String uniqueId, int handle, byte[] pdf) throws Exception {
    ObjectNode byHandle = scenario.command("hl_getDocumentContent");
    byHandle.put("i_documentHandle", handle);
    byHandle.put("i_getCdaHeaders", 1);
    byHandle.put("i_getPerformer", 1);
    JsonNode content = scenario.ok(byHandle);
    assertThat(DmpScenario.decoded(content, "s_fileContentInBase64"))
        .as("TD3.2 by handle gives back the bytes sent").isEqualTo(pdf);
    java.nio.file.Path file = java.nio.file.Path.of(java.net.URI.create(content.path("s_filePath").asText()));
    assertThat(java.nio.file.Files.readAllBytes(file)).as("the document at s_filePath").isEqualTo(pdf);
    assertThat(file.getFileName().toString()).endsWith(".pdf");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file)))
        .as("the document is readable by its owner only").isEqualTo("rw-------");

    JsonNode byId = scenario.ok(contentByUniqueId(ins, uniqueId));
    assertThat(DmpScenario.decoded(byId, "s_fileContentInBase64"))
        .as("TD3.2 by uniqueId gives back the bytes sent").isEqualTo(pdf);
    assertThat(byId.path("i_documentFormat").asInt()).isEqualTo(PDF);
    assertThat(byId.path("s_cdaHeadersInBase64").asText()).isNotEmpty();
  }

  private void hideFromPatient(String ins, String uniqueId) throws Exception {
    ObjectNode hide = scenario.command("hl_updateDocumentVisibilityByUniqueId", ins);
    hide.put("s_documentUniqueId", uniqueId);
    hide.put("s_healthCareSettings", SETTING);
    hide.put("i_newVisibility", PATIENT_HIDDEN);
    scenario.ok(hide);
    JsonNode hidden = find(ins, uniqueId);
    assertThat(hidden).as("TD3.1 still finds the hidden document").isNotNull();
    assertThat(hidden.path("i_document_Visibility").asInt()).isEqualTo(PATIENT_HIDDEN);
    assertThat(hidden.path("i_document_Status").asInt()).isEqualTo(APPROVED);
  }

  private void delete(String ins, String uniqueId) throws Exception {
    ObjectNode delete = scenario.command("hl_deleteDocument", ins);
    delete.put("s_uniqueId", uniqueId);
    delete.put("s_healthCareSettings", SETTING);
    scenario.ok(delete);
    assertThat(find(ins, uniqueId)).as("TD3.1 after deletion, any status").isNull();
    JsonNode gone = scenario.call(contentByUniqueId(ins, uniqueId));
    assertThat(gone.path("s_status").asText()).as(gone.toString()).isEqualTo("API_ERROR");
    assertThat(gone.path("i_apiErrorType").asInt()).as(gone.toString()).isEqualTo(2);
    assertThat(gone.path("i_apiErrorCode").asInt()).as(gone.toString()).isEqualTo(4);
    assertThat(gone.path("s_apiErrorDescription").asText()).startsWith("XDSDocumentUniqueIdError");
  }

  /** The hl_findDocuments entry of {@code uniqueId} among documents of any status, or null. */
  private JsonNode find(String ins, String uniqueId) throws Exception {
    ObjectNode find = scenario.command("hl_findDocuments", ins);
    find.put("i_status", ANY_STATUS);
    JsonNode answer = scenario.ok(find);
    for (JsonNode document : answer.path("Documents")) {
      if (document.path("s_uniqueId").asText().equals(uniqueId)) {
        return document;
      }
    }
    return null;
  }

  private ObjectNode contentByUniqueId(String ins, String uniqueId) {
    ObjectNode read = scenario.command("hl_getDocumentContentByUniqueId", ins);
    read.put("s_documentUniqueId", uniqueId);
    read.put("i_getCdaHeaders", 1);
    read.put("i_getPerformer", 1);
    return read;
  }
}
