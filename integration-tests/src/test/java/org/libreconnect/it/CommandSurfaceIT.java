package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command name of the JS2 command catalogue, sent as an application would, gets an answer
 * that is not "Unknown command" (6000/2): its documented keys or a documented functional error
 * (here mostly a missing parameter, or "no DMP connector"). A real master and worker in
 * simulation mode; each command is sent once with a session and without input.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CommandSurfaceIT {
  /**
   * The command names of the JS2 protocol description, {@code ../shared/spec/protocol.md} §2
   * (tables 2.1 to 2.10, in their order), copied here so that this test reads one fixed list.
   */
  static final List<String> SPEC_COMMANDS = Arrays.asList((
      "hl_openSession hl_openSessionWithCustomDcParam hl_closeSession hl_getSessionState "
      + "hl_checkUserLicenseRight hl_createConnection hl_sessionExists hl_getPcscReaders hl_getCpxCard "
      + "hl_getCpxStatus hl_readCpxCard hl_signWithCpxCard hl_getVitaleCard hl_readVitaleCard "
      + "hl_startCpxCardMonitoring hl_startVitaleCardMonitoring hl_startDummyMonitoring "
      + "hl_startPrintedDocumentsMonitoring hl_flushPrintedDocuments hl_getPrintedDocumentsCount "
      + "hl_getPrintedDocuments hl_getNextPrintedDocument hl_setSessionData hl_getSessionData "
      + "hl_removeSessionData hl_clearSessionData hl_getSessionDataSize hl_getMaximumSessionDataSize "
      + "hl_setPersistantData hl_getPersistantData hl_clearPersistantData hl_getPersistantDataSize "
      + "hl_getMaximumPersistantDataSize hl_getObjectParameters getParameterString getParameterStringSize "
      + "getParameterInt getObjectParameterStringSize getObjectParameterString getObjectParameterInt "
      + "getObjectParameterFloat getObjectFromList getListSize copyObjectFromList handleExists "
      + "checkValidity getHandleType createObject releaseObject releaseList releaseErrorObject getLogsTail "
      + "hl_getSessionLogsTail getLogLevels setLogLevels hl_convertLunarDateToStandardDate "
      + "hl_computeBirthDayCentury hl_regularizeBirthDateIfNeeded hl_crash hl_zombie hl_createDmpConnector "
      + "hl_setPracticeLocation hl_setConfidentialityLevel hl_setDmpAccessMode hl_getCertifiedIdentity "
      + "hl_getInsNirFromInsC hl_getDirectAuthenticationDMPStatus hl_updateUserDmpAccessAuthorization "
      + "hl_getAccessibleDMPList hl_findPatients hl_getWebPsDmpUrls hl_setWebPsRootUrl hl_createDmp "
      + "hl_createDmpAndOtp hl_reactivateDmp hl_getDmpAdministrativeData hl_updateDmpAdministrativeData "
      + "hl_closeDmp hl_sendDocument hl_sendDocuments hl_findDocuments hl_getDocumentContent "
      + "hl_getDocumentContentByUniqueId hl_updateDocumentVisibility hl_updateDocumentVisibilityByUniqueId "
      + "hl_updateDocumentStatus hl_updateDocumentStatusByUniqueId hl_deleteDocument hl_getOtpChannelValue "
      + "hl_getPatientWebAccessPdf hl_createAcknowledgementPdf hl_getMajorityAge hl_getDmpAuthorizationsList "
      + "hl_getDmpParameters hl_createInsiConnector hl_getInsFromVitaleCard hl_getInsFromIdentityInformation "
      + "hl_checkInsIdentity hl_getMssHpInfos hl_sendMssRequest hl_sendMssEmail hl_generateMssAttachments")
      .split(" "));

  /** Names of the list this test does not send, and why. */
  static final Map<String, String> NOT_SENT = Map.of(
      "hl_openSessionWithCustomDcParam", "a wrapper function: its wire command is hl_openSession",
      "hl_getMssHpInfos", "MSS family: its own issue",
      "hl_sendMssRequest", "MSS family: its own issue",
      "hl_sendMssEmail", "MSS family: its own issue",
      "hl_generateMssAttachments", "MSS family: its own issue");

  @TempDir Path home;

  @Test
  void everySpecCommandIsKnown() throws Exception {
    assertThat(SPEC_COMMANDS).hasSize(102).doesNotHaveDuplicates();
    try (ConnectorFixture fixture = new ConnectorFixture(home, 1)) {
      String session = fixture.openSession("surface");
      List<String> unknown = new ArrayList<>();
      List<String> unanswered = new ArrayList<>();
      for (String name : SPEC_COMMANDS) {
        if (NOT_SENT.containsKey(name) || name.equals("hl_openSession") || name.equals("hl_closeSession")) {
          continue;
        }
        JsonNode answer = fixture.call("{\"s_commandName\":\"" + name + "\",\"s_sessionId\":\"" + session + "\"}");
        String status = answer.path("s_status").asText();
        if (answer.path("i_apiErrorType").asInt() == 6000 && answer.path("i_apiErrorCode").asInt() == 2
            && answer.path("s_apiErrorDescription").asText().equals("Unknown command")) {
          unknown.add(name);
        } else if (!status.equals("OK") && answer.path("s_apiErrorDescription").asText().isEmpty()) {
          unanswered.add(name + " " + answer);
        }
      }
      JsonNode closed = fixture.call("{\"s_commandName\":\"hl_closeSession\",\"s_sessionId\":\"" + session + "\"}");
      assertThat(closed.path("s_status").asText()).isEqualTo("OK");
      assertThat(unknown).as("commands answered with Unknown command").isEmpty();
      assertThat(unanswered).as("answers that are neither OK nor a described error").isEmpty();
    }
  }
}
