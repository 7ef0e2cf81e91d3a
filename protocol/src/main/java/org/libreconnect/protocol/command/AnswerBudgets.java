package org.libreconnect.protocol.command;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long the JS2 wrapper waits for the answer to each command before it closes the socket and
 * reports {@code ServerTimeout} (spec 1.5). The master's deadline for a command is derived from
 * it: never shorter, so the connector does not cut short what the wrapper would accept. For
 * persistent commands the budget covers the acknowledgement only; the stream has no deadline.
 */
public final class AnswerBudgets {
  private static final Map<String, Duration> BUDGETS = new HashMap<>();

  static {
    seconds(2, "hl_zombie", "hl_getObjectParameters", "hl_setDmpAccessMode", "hl_getWebPsDmpUrls",
        "hl_setWebPsRootUrl");
    seconds(4, "getLogsTail", "hl_getSessionLogsTail", "getLogLevels", "setLogLevels");
    seconds(5, "hl_convertLunarDateToStandardDate", "hl_computeBirthDayCentury",
        "hl_regularizeBirthDateIfNeeded", "hl_updateDocumentVisibility",
        "hl_updateDocumentStatus", "hl_deleteDocument");
    seconds(6, "hl_getDirectAuthenticationDMPStatus");
    seconds(10, "hl_getVitaleCard", "hl_readCpxCard", "hl_signWithCpxCard",
        "hl_checkUserLicenseRight", "hl_getSessionState", "hl_createConnection",
        "hl_updateUserDmpAccessAuthorization", "hl_updateDocumentVisibilityByUniqueId",
        "hl_updateDocumentStatusByUniqueId", "hl_getDmpAdministrativeData",
        "hl_updateDmpAdministrativeData", "hl_createDmp", "hl_reactivateDmp", "hl_findPatients",
        "hl_closeDmp",
        // the low-level API (spec 2.5)
        "getParameterString", "getParameterStringSize", "getParameterInt",
        "getObjectParameterStringSize", "getObjectParameterString", "getObjectParameterInt",
        "getObjectParameterFloat", "getObjectFromList", "getListSize", "copyObjectFromList",
        "handleExists", "checkValidity", "getHandleType", "createObject", "releaseObject",
        "releaseList", "releaseErrorObject",
        // "all session-data and persistent-data commands"
        "hl_setSessionData", "hl_getSessionData", "hl_removeSessionData", "hl_clearSessionData",
        "hl_getSessionDataSize", "hl_getMaximumSessionDataSize", "hl_setPersistantData",
        "hl_getPersistantData", "hl_clearPersistantData", "hl_getPersistantDataSize",
        "hl_getMaximumPersistantDataSize");
    seconds(15, "hl_getPcscReaders", "hl_flushPrintedDocuments", "hl_getPrintedDocumentsCount",
        "hl_getPrintedDocuments", "hl_setConfidentialityLevel",
        // monitoring starters: the wrapper arms no timer, the master bounds the acknowledgement
        "hl_startCpxCardMonitoring", "hl_startVitaleCardMonitoring", "hl_startDummyMonitoring");
    seconds(20, "hl_closeSession", "hl_readVitaleCard", "hl_createDmpConnector",
        // not in the wrapper's table (no public source): taken as hl_createDmpConnector's
        "hl_createInsiConnector",
        "hl_getCertifiedIdentity", "hl_setPracticeLocation", "hl_createDmpAndOtp",
        "hl_getOtpChannelValue", "hl_getPatientWebAccessPdf", "hl_getMajorityAge");
    seconds(30, "hl_openSession", "hl_openSessionWithCustomDcParam", "hl_crash", "hl_getCpxCard",
        "hl_getCpxStatus", "hl_getNextPrintedDocument", "hl_getInsNirFromInsC",
        "hl_getAccessibleDMPList", "hl_createAcknowledgementPdf", "hl_getDmpAuthorizationsList",
        "hl_getDmpParameters", "hl_getMssHpInfos", "hl_sendMssRequest", "hl_sendMssEmail",
        "hl_generateMssAttachments");
    seconds(60, "hl_getInsFromVitaleCard", "hl_getInsFromIdentityInformation",
        "hl_checkInsIdentity");
    seconds(90, "hl_getDocumentContent", "hl_getDocumentContentByUniqueId");
    seconds(200, "hl_sendDocument", "hl_sendDocuments");
    seconds(600, "hl_findDocuments");
    // not in the wrapper's table (its existence is inferred): taken as hl_getSessionState's
    seconds(10, "hl_sessionExists");
    // a monitoring starter: the wrapper arms no timer, the master bounds the acknowledgement
    seconds(15, "hl_startPrintedDocumentsMonitoring");
  }

  private AnswerBudgets() {}

  private static void seconds(int seconds, String... names) {
    for (String name : List.of(names)) {
      if (BUDGETS.put(name, Duration.ofSeconds(seconds)) != null) {
        throw new IllegalStateException("Budget listed twice: " + name);
      }
    }
  }

  /** The wrapper's answer budget for {@code commandName}, if the spec gives one. */
  public static Optional<Duration> of(String commandName) {
    return Optional.ofNullable(BUDGETS.get(commandName));
  }

  /**
   * The master's deadline for a command with this budget: the budget and half of it again (at
   * most 30 s more). A wrapper has given up by then and reports its own {@code ServerTimeout};
   * clients that wait longer (REST, custom timeouts) get the connector's clear error, and a
   * worker that missed it is checked. A machine slowed down for a moment does not turn answers
   * the wrapper would still accept into errors.
   */
  public static Duration masterDeadline(Duration budget) {
    // Duration.dividedBy goes through BigDecimal; this runs for every forwarded command
    if (budget.compareTo(CAPPED_FROM) >= 0) {
      return budget.plus(MAX_GRACE);
    }
    return budget.plusNanos(budget.toNanos() / 2);
  }

  private static final Duration MAX_GRACE = Duration.ofSeconds(30);

  /** The budget from which half of it reaches {@link #MAX_GRACE}; computed once. */
  private static final Duration CAPPED_FROM = MAX_GRACE.multipliedBy(2);
}
