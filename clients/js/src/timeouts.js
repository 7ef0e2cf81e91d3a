/**
 * Answer budgets of the DmpConnect-JS2 wrapper, in seconds, per command. A command must be
 * answered within its budget or the call fails with 5000/5 ServerTimeout.
 */

const TABLE = [
  [2, 'hl_zombie hl_getObjectParameters hl_setDmpAccessMode hl_getWebPsDmpUrls hl_setWebPsRootUrl'],
  [4, 'getLogsTail hl_getSessionLogsTail getLogLevels setLogLevels'],
  [
    5,
    'hl_convertLunarDateToStandardDate hl_computeBirthDayCentury hl_regularizeBirthDateIfNeeded ' +
      'hl_updateDocumentVisibility hl_updateDocumentStatus hl_deleteDocument',
  ],
  [6, 'hl_getDirectAuthenticationDMPStatus'],
  [
    10,
    'hl_getVitaleCard hl_readCpxCard hl_signWithCpxCard hl_checkUserLicenseRight ' +
      'hl_getSessionState hl_createConnection ' +
      'hl_setSessionData hl_getSessionData hl_removeSessionData hl_clearSessionData ' +
      'hl_getSessionDataSize hl_getMaximumSessionDataSize ' +
      'hl_setPersistantData hl_getPersistantData hl_clearPersistantData ' +
      'hl_getPersistantDataSize hl_getMaximumPersistantDataSize ' +
      'getParameterString getParameterStringSize getParameterInt getObjectParameterStringSize ' +
      'getObjectParameterString getObjectParameterInt getObjectParameterFloat getObjectFromList ' +
      'getListSize copyObjectFromList handleExists checkValidity getHandleType createObject ' +
      'releaseObject releaseList releaseErrorObject ' +
      'hl_updateUserDmpAccessAuthorization hl_updateDocumentVisibilityByUniqueId ' +
      'hl_updateDocumentStatusByUniqueId hl_getDmpAdministrativeData ' +
      'hl_updateDmpAdministrativeData hl_createDmp hl_reactivateDmp hl_findPatients hl_closeDmp',
  ],
  [
    15,
    'hl_getPcscReaders hl_flushPrintedDocuments hl_getPrintedDocumentsCount ' +
      'hl_getPrintedDocuments hl_setConfidentialityLevel ' +
      'hl_startDummyMonitoring hl_startCpxCardMonitoring hl_startVitaleCardMonitoring ' +
      'hl_startPrintedDocumentsMonitoring',
  ],
  [
    20,
    'hl_closeSession hl_readVitaleCard hl_createDmpConnector hl_createInsiConnector ' +
      'hl_getCertifiedIdentity ' +
      'hl_setPracticeLocation hl_createDmpAndOtp hl_getOtpChannelValue ' +
      'hl_getPatientWebAccessPdf hl_getMajorityAge',
  ],
  [
    30,
    'hl_openSession hl_crash hl_getCpxCard hl_getCpxStatus hl_getNextPrintedDocument ' +
      'hl_getInsNirFromInsC hl_getAccessibleDMPList hl_createAcknowledgementPdf ' +
      'hl_getDmpAuthorizationsList hl_getDmpParameters hl_getMssHpInfos hl_sendMssRequest ' +
      'hl_sendMssEmail hl_generateMssAttachments',
  ],
  [60, 'hl_getInsFromVitaleCard hl_getInsFromIdentityInformation hl_checkInsIdentity'],
  [90, 'hl_getDocumentContent hl_getDocumentContentByUniqueId'],
  [200, 'hl_sendDocument hl_sendDocuments'],
  [600, 'hl_findDocuments'],
  // not in the wrapper's table (the wrapper has no function for it): taken as hl_getSessionState's
  [10, 'hl_sessionExists'],
];

/** Command name → budget in milliseconds. */
export const DEFAULT_TIMEOUTS_MS = Object.freeze(
  Object.fromEntries(
    TABLE.flatMap(([seconds, names]) =>
      names.split(/\s+/).map((name) => [name, seconds * 1000]),
    ),
  ),
);

/** Budget for commands the table does not list (sent with `raw`). */
export const FALLBACK_TIMEOUT_MS = 30_000;

/**
 * @param {string} commandName
 * @param {number | Record<string, number> | undefined} override the client's `timeouts` option
 * @returns {number} milliseconds
 */
export function timeoutFor(commandName, override) {
  if (typeof override === 'number') return override;
  if (override && Object.hasOwn(override, commandName)) return override[commandName];
  return DEFAULT_TIMEOUTS_MS[commandName] ?? FALLBACK_TIMEOUT_MS;
}
