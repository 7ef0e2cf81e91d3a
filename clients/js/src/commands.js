/**
 * The command catalogue: one entry per client method, with the JS2 command it sends, the
 * readable option names and their wire keys, the wrapper's defaults, and any adjustment the
 * wrapper makes before sending. The client turns each entry into a method.
 */

import { fieldMap } from './fields.js';

/** Commands that run on a persistent socket (the socket stays open and streams events). */
export const PERSISTENT_COMMANDS = Object.freeze(
  new Set([
    'hl_startDummyMonitoring',
    'hl_startCpxCardMonitoring',
    'hl_startVitaleCardMonitoring',
    'hl_startPrintedDocumentsMonitoring',
  ]),
);

/** Commands sent without `s_sessionId`. */
export const SESSIONLESS_COMMANDS = Object.freeze(
  new Set(['hl_openSession', 'getLogsTail', 'getLogLevels', 'setLogLevels']),
);

/**
 * Commands that need no session but are sent with the client's `s_sessionId` when it has one:
 * `hl_sessionExists` tells whether that session is still open.
 */
export const SESSION_PROBE_COMMANDS = Object.freeze(new Set(['hl_sessionExists']));

export const DMP_PRODUCTION_URL = 'https://lps2.dmp.gouv.fr/si-dmp-server/v2/services';

const PROXY_KEYS = ['s_proxyIpOrUrl', 'i_proxyPort', 's_proxyLogin', 's_proxyPassword'];
const LOG_TAIL_KEYS = [
  'i_getServerLog',
  'i_getDmpConnectLog',
  'i_serverLogNbLastLines',
  'i_dmpConnectLogNbLastLines',
];

/**
 * @typedef {object} CommandEntry
 * @property {string} method client method name
 * @property {string} command JS2 command name
 * @property {Readonly<Record<string, string>>} fields readable option name → wire key
 * @property {Record<string, unknown>} [defaults] wire key → value sent when the option is absent
 * @property {(fields: Record<string, unknown>) => Record<string, unknown>} [prepare]
 */

/** @type {readonly CommandEntry[]} */
export const COMMANDS = Object.freeze([
  // Session, session data, persistent data
  {
    method: 'openSession',
    command: 'hl_openSession',
    fields: fieldMap(
      'i_timeoutInSeconds',
      's_applicationId',
      's_userName',
      's_domainName',
      ...PROXY_KEYS,
      { dcParameters64: 's_dcparameters64' },
      'i_disableUpdateCheck',
      's_updateCheckChannel',
      'i_getDcparamInformations',
      's_numHomologation',
      's_producerAddress',
      's_softwareDetails',
    ),
    defaults: { i_timeoutInSeconds: 3600 },
    // the wrapper forwards a proxy only when all four keys are given, and the TSE user only
    // when both user and domain are filled in
    prepare: (fields) =>
      keepOnlyComplete(keepOnlyComplete(fields, PROXY_KEYS, isGiven), ['s_userName', 's_domainName'], isFilled),
  },
  { method: 'closeSession', command: 'hl_closeSession', fields: fieldMap() },
  { method: 'getSessionState', command: 'hl_getSessionState', fields: fieldMap() },
  { method: 'sessionExists', command: 'hl_sessionExists', fields: fieldMap() },
  { method: 'checkUserLicenseRight', command: 'hl_checkUserLicenseRight', fields: fieldMap() },
  {
    method: 'createConnection',
    command: 'hl_createConnection',
    fields: fieldMap('s_server', 'i_requestTimeout', ...PROXY_KEYS, 's_caCertName', 'i_usePkcs11'),
  },
  {
    method: 'setSessionData',
    command: 'hl_setSessionData',
    fields: fieldMap('s_sessionDataId', 's_sessionData64'),
  },
  { method: 'getSessionData', command: 'hl_getSessionData', fields: fieldMap('s_sessionDataId') },
  { method: 'removeSessionData', command: 'hl_removeSessionData', fields: fieldMap('s_sessionDataId') },
  { method: 'clearSessionData', command: 'hl_clearSessionData', fields: fieldMap() },
  { method: 'getSessionDataSize', command: 'hl_getSessionDataSize', fields: fieldMap() },
  { method: 'getMaximumSessionDataSize', command: 'hl_getMaximumSessionDataSize', fields: fieldMap() },
  { method: 'setPersistantData', command: 'hl_setPersistantData', fields: fieldMap('s_persistantData64') },
  { method: 'getPersistantData', command: 'hl_getPersistantData', fields: fieldMap() },
  { method: 'clearPersistantData', command: 'hl_clearPersistantData', fields: fieldMap() },
  { method: 'getPersistantDataSize', command: 'hl_getPersistantDataSize', fields: fieldMap() },
  {
    method: 'getMaximumPersistantDataSize',
    command: 'hl_getMaximumPersistantDataSize',
    fields: fieldMap(),
  },

  // Utilities, logs, debug
  {
    method: 'convertLunarDateToStandardDate',
    command: 'hl_convertLunarDateToStandardDate',
    fields: fieldMap('s_date'),
  },
  { method: 'computeBirthDayCentury', command: 'hl_computeBirthDayCentury', fields: fieldMap('s_date', 'i_quality') },
  {
    method: 'regularizeBirthDateIfNeeded',
    command: 'hl_regularizeBirthDateIfNeeded',
    fields: fieldMap('s_date', 'i_quality'),
  },
  { method: 'getLogsTail', command: 'getLogsTail', fields: fieldMap(...LOG_TAIL_KEYS) },
  { method: 'getSessionLogsTail', command: 'hl_getSessionLogsTail', fields: fieldMap(...LOG_TAIL_KEYS) },
  { method: 'getLogLevels', command: 'getLogLevels', fields: fieldMap() },
  {
    method: 'setLogLevels',
    command: 'setLogLevels',
    fields: fieldMap('i_dmpConnectLogLevel', 'i_dmpConnectJsLogLevel'),
  },
  { method: 'startDummyMonitoring', command: 'hl_startDummyMonitoring', fields: fieldMap() },
  // debug commands: the connector serves them only when its configuration allows them
  { method: 'crash', command: 'hl_crash', fields: fieldMap() },
  { method: 'zombie', command: 'hl_zombie', fields: fieldMap() },

  // Readers and cards
  { method: 'getPcscReaders', command: 'hl_getPcscReaders', fields: fieldMap() },
  {
    method: 'getCpxCard',
    command: 'hl_getCpxCard',
    fields: fieldMap('i_readerNumber', 's_readerName'),
    defaults: { i_readerNumber: 0, s_readerName: '' },
  },
  { method: 'getCpxStatus', command: 'hl_getCpxStatus', fields: fieldMap() },
  {
    method: 'readCpxCard',
    command: 'hl_readCpxCard',
    fields: fieldMap('s_pinCode', 'i_returnCertificates'),
    defaults: { i_returnCertificates: 1 },
  },
  {
    method: 'signWithCpxCard',
    command: 'hl_signWithCpxCard',
    fields: fieldMap('s_pinCode', 's_stringToSign', 's_dataToSignInBase64', 'i_digestType'),
  },
  // the wrapper sends the Vitale reader as given, absent keys included
  { method: 'getVitaleCard', command: 'hl_getVitaleCard', fields: fieldMap('i_readerNumber', 's_readerName') },
  { method: 'readVitaleCard', command: 'hl_readVitaleCard', fields: fieldMap() },
  {
    method: 'startCpxCardMonitoring',
    command: 'hl_startCpxCardMonitoring',
    fields: fieldMap('i_checkingInterval'),
  },
  {
    method: 'startVitaleCardMonitoring',
    command: 'hl_startVitaleCardMonitoring',
    fields: fieldMap('i_checkingInterval'),
  },

  // Virtual printer
  {
    method: 'startPrintedDocumentsMonitoring',
    command: 'hl_startPrintedDocumentsMonitoring',
    fields: fieldMap(),
  },
  { method: 'getPrintedDocumentsCount', command: 'hl_getPrintedDocumentsCount', fields: fieldMap() },
  { method: 'getPrintedDocuments', command: 'hl_getPrintedDocuments', fields: fieldMap() },
  { method: 'getNextPrintedDocument', command: 'hl_getNextPrintedDocument', fields: fieldMap() },
  { method: 'flushPrintedDocuments', command: 'hl_flushPrintedDocuments', fields: fieldMap('s_documentIds') },

  // Object inspection and the low-level API (the command is the C function's name)
  {
    method: 'getObjectParameters',
    command: 'hl_getObjectParameters',
    fields: fieldMap('i_objectHandle', {
      stringIds: 'stringIds',
      stringBase64Ids: 'stringBase64Ids',
      integerIds: 'integerIds',
      floatIds: 'floatIds',
    }),
  },
  { method: 'getParameterString', command: 'getParameterString', fields: fieldMap('i_globalParameter', 'i_resultInBase64') },
  { method: 'getParameterStringSize', command: 'getParameterStringSize', fields: fieldMap('i_globalParameter') },
  { method: 'getParameterInt', command: 'getParameterInt', fields: fieldMap('i_globalParameter') },
  {
    method: 'getObjectParameterString',
    command: 'getObjectParameterString',
    fields: fieldMap('i_parameter', 'i_object', 'i_resultInBase64'),
  },
  { method: 'getObjectParameterStringSize', command: 'getObjectParameterStringSize', fields: fieldMap('i_parameter', 'i_object') },
  { method: 'getObjectParameterInt', command: 'getObjectParameterInt', fields: fieldMap('i_parameter', 'i_object') },
  { method: 'getObjectParameterFloat', command: 'getObjectParameterFloat', fields: fieldMap('i_parameter', 'i_object') },
  { method: 'getObjectFromList', command: 'getObjectFromList', fields: fieldMap('i_list', 'i_position') },
  { method: 'getListSize', command: 'getListSize', fields: fieldMap('i_list') },
  { method: 'copyObjectFromList', command: 'copyObjectFromList', fields: fieldMap('i_list', 'i_position') },
  { method: 'handleExists', command: 'handleExists', fields: fieldMap('i_handle') },
  { method: 'checkValidity', command: 'checkValidity', fields: fieldMap('i_handle') },
  { method: 'getHandleType', command: 'getHandleType', fields: fieldMap('i_handle') },
  { method: 'createObject', command: 'createObject', fields: fieldMap('i_type') },
  { method: 'releaseObject', command: 'releaseObject', fields: fieldMap('i_handle') },
  { method: 'releaseList', command: 'releaseList', fields: fieldMap('i_list') },
  { method: 'releaseErrorObject', command: 'releaseErrorObject', fields: fieldMap('i_error') },

  // DMP
  {
    method: 'createDmpConnector',
    command: 'hl_createDmpConnector',
    fields: fieldMap(
      's_pinCode',
      's_dmpUrl',
      'i_transactionsTimeout',
      's_practiceSetting',
      'i_cpsPracticeLocationIndice',
      ...PROXY_KEYS,
      's_ntpIpOrUrl',
      'i_ntpPort',
      'i_getConnectionHandle',
      's_localPatientRootOid',
    ),
    prepare: (fields) =>
      typeof fields.s_dmpUrl === 'string' ? { ...fields, s_dmpUrl: dmpUrl(fields.s_dmpUrl) } : fields,
  },
  {
    method: 'setPracticeLocation',
    command: 'hl_setPracticeLocation',
    fields: fieldMap('i_cpsPracticeLocationIndice', 's_practiceSetting'),
  },
  { method: 'setDmpAccessMode', command: 'hl_setDmpAccessMode', fields: fieldMap('i_accessMode', 's_reason') },
  {
    method: 'setConfidentialityLevel',
    command: 'hl_setConfidentialityLevel',
    fields: fieldMap('i_enableSecretConnection'),
  },
  {
    method: 'getDirectAuthenticationDMPStatus',
    command: 'hl_getDirectAuthenticationDMPStatus',
    fields: fieldMap('s_ins'),
    prepare: insObjectAsIns,
  },
  {
    method: 'updateUserDmpAccessAuthorization',
    command: 'hl_updateUserDmpAccessAuthorization',
    fields: fieldMap('s_ins', 'i_action', 'i_setTreatingPhysician'),
  },
  { method: 'getAccessibleDMPList', command: 'hl_getAccessibleDMPList', fields: fieldMap('s_type', 's_date') },
  { method: 'getDmpAdministrativeData', command: 'hl_getDmpAdministrativeData', fields: fieldMap('s_ins') },
  {
    method: 'getDmpAuthorizationsList',
    command: 'hl_getDmpAuthorizationsList',
    fields: fieldMap('s_ins', 'i_authorizationType'),
    defaults: { i_authorizationType: 1 },
  },
  {
    method: 'sendDocument',
    command: 'hl_sendDocument',
    fields: fieldMap(
      's_ins',
      's_fileContentBase64',
      's_documentTitle',
      's_documentDescription',
      's_documentCategory',
      'i_documentVisibility',
      'i_documentFormat',
      's_healthcareSetting',
      's_replacedDocumentUniqueId',
      's_submissionSetTitle',
      's_submissionSetDescription',
      's_localPatientId',
      's_eventCodes',
      'Informants',
      'TreatingPhysician',
      'AdditionalAuthors',
      'i_transcodeTypeCode',
      'i_forceSchematronsValidation',
    ),
  },
  {
    method: 'findDocuments',
    command: 'hl_findDocuments',
    fields: fieldMap(
      's_ins',
      'Categories',
      'Formats',
      'Practices',
      's_serviceStartDateTop',
      's_serviceStartDateBottom',
      's_creationDateTop',
      's_creationDateBottom',
      's_submissionDateTop',
      's_submissionDateBottom',
      'i_status',
      'i_visibility',
      'i_disableMetadataSearch',
    ),
    prepare: (fields) => listsAsNumberedObjects(insObjectAsIns(fields), ['Categories', 'Formats', 'Practices']),
  },
  {
    method: 'getDocumentContent',
    command: 'hl_getDocumentContent',
    fields: fieldMap('i_documentHandle', 'i_getCdaHeaders', 'i_getPerformer'),
    // the wrapper always asks for the CDA headers and the performer
    defaults: { i_getCdaHeaders: 1, i_getPerformer: 1 },
  },
  {
    method: 'getDocumentContentByUniqueId',
    command: 'hl_getDocumentContentByUniqueId',
    fields: fieldMap('s_ins', 's_documentUniqueId', 's_documentUuid', 'i_getCdaHeaders', 'i_getPerformer'),
  },
  {
    method: 'updateDocumentVisibilityByUniqueId',
    command: 'hl_updateDocumentVisibilityByUniqueId',
    fields: fieldMap('s_ins', 's_documentUniqueId', 's_documentUuid', 's_healthCareSettings', 'i_newVisibility'),
  },
  {
    method: 'updateDocumentStatusByUniqueId',
    command: 'hl_updateDocumentStatusByUniqueId',
    fields: fieldMap('s_ins', 's_documentUniqueId', 's_documentUuid', 's_healthCareSettings'),
  },
  {
    method: 'deleteDocument',
    command: 'hl_deleteDocument',
    fields: fieldMap('s_uniqueId', 's_ins', 's_healthCareSettings'),
  },
  { method: 'getWebPsDmpUrls', command: 'hl_getWebPsDmpUrls', fields: fieldMap('s_ins') },

  // DMP record: identities, TD1.1 to TD1.4, several documents, updates by handle, PDFs, parameters
  {
    method: 'getCertifiedIdentity',
    command: 'hl_getCertifiedIdentity',
    fields: fieldMap('s_nirOD', 's_birthDate', 'i_birthRank', 's_nirIndividu'),
  },
  { method: 'getInsNirFromInsC', command: 'hl_getInsNirFromInsC', fields: fieldMap('s_insC') },
  {
    method: 'findPatients',
    command: 'hl_findPatients',
    fields: fieldMap(
      's_name',
      's_givenName',
      's_birthday',
      's_city',
      's_postalCode',
      'i_sex',
      'i_approxName',
      'i_approxCity',
    ),
  },
  { method: 'setWebPsRootUrl', command: 'hl_setWebPsRootUrl', fields: fieldMap('s_url') },
  {
    method: 'createDmp',
    command: 'hl_createDmp',
    fields: fieldMap('DmpAdministrativeData', 'VitaleData'),
  },
  {
    method: 'createDmpAndOtp',
    command: 'hl_createDmpAndOtp',
    fields: fieldMap('DmpAdministrativeData', 'VitaleData', 'i_returnAsFile'),
  },
  {
    method: 'reactivateDmp',
    command: 'hl_reactivateDmp',
    fields: fieldMap(
      's_ins',
      'i_gender',
      's_given',
      's_name',
      'i_sex',
      's_birthCountry',
      's_birthDay',
      's_birthName',
      's_address',
      's_addressComplement',
      's_city',
      's_landlinePhone',
      's_mail',
      's_mobilePhone',
      's_postalCode',
      's_country',
    ),
  },
  {
    method: 'updateDmpAdministrativeData',
    command: 'hl_updateDmpAdministrativeData',
    fields: fieldMap('DmpAdministrativeData'),
  },
  { method: 'closeDmp', command: 'hl_closeDmp', fields: fieldMap('s_ins', 's_reason', 's_name', 's_given') },
  {
    method: 'sendDocuments',
    command: 'hl_sendDocuments',
    fields: fieldMap(
      's_ins',
      's_healthcareSetting',
      'Documents',
      's_submissionSetTitle',
      's_submissionSetDescription',
      's_localPatientId',
      'i_transcodeTypeCode',
      'i_forceSchematronsValidation',
    ),
  },
  {
    method: 'updateDocumentVisibility',
    command: 'hl_updateDocumentVisibility',
    fields: fieldMap('i_document', 's_healthCareSettings', 'i_newVisibility'),
  },
  {
    method: 'updateDocumentStatus',
    command: 'hl_updateDocumentStatus',
    fields: fieldMap('i_document', 's_healthCareSettings'),
  },
  {
    method: 'getOtpChannelValue',
    command: 'hl_getOtpChannelValue',
    fields: fieldMap('s_ins', 'i_otpChannelType'),
  },
  {
    method: 'getPatientWebAccessPdf',
    command: 'hl_getPatientWebAccessPdf',
    fields: fieldMap('s_ins', 'i_openPdfAfterCreation', 's_otpPhone', 's_otpEmail', 'i_returnAsFile'),
  },
  {
    method: 'createAcknowledgementPdf',
    command: 'hl_createAcknowledgementPdf',
    fields: fieldMap('s_ins', 'i_returnAsFile', 'i_openPdfAfterCreation', 'CivilStatus'),
  },
  { method: 'getMajorityAge', command: 'hl_getMajorityAge', fields: fieldMap() },
  { method: 'getDmpParameters', command: 'hl_getDmpParameters', fields: fieldMap() },

  // INSi
  {
    method: 'createInsiConnector',
    command: 'hl_createInsiConnector',
    fields: fieldMap(
      's_pinCode',
      's_insiUrl',
      's_serviceUrl',
      'i_transactionsTimeout',
      's_practiceSetting',
      'i_cpsPracticeLocationIndice',
      ...PROXY_KEYS,
      's_ntpIpOrUrl',
      'i_ntpPort',
    ),
  },
  {
    method: 'getInsFromIdentityInformation',
    command: 'hl_getInsFromIdentityInformation',
    fields: fieldMap('LpsInfos', 's_birthName', 's_given', 'i_sex', 's_birthDate', 's_birthPlace'),
  },
  {
    method: 'checkInsIdentity',
    command: 'hl_checkInsIdentity',
    fields: fieldMap(
      'LpsInfos',
      's_ins',
      's_key',
      's_oid',
      's_birthName',
      's_given',
      'i_sex',
      's_birthDate',
      's_birthPlace',
    ),
  },
  {
    method: 'getInsFromVitaleCard',
    command: 'hl_getInsFromVitaleCard',
    fields: fieldMap('LpsInfos', 'i_vitalePatientIndex'),
  },
]);

/**
 * The wrapper's DMP URL shorthand: "" is production, "formationN" a training platform, a
 * value starting with https:// is used as it is.
 */
export function dmpUrl(value) {
  if (value === '') return DMP_PRODUCTION_URL;
  if (value.startsWith('https://')) return value;
  return `https://${value}.lps2.dmp.gouv.fr/si-dmp-server/v2/services`;
}

const isGiven = (value) => value != null;
const isFilled = (value) => value != null && value !== '';

/** Drops a group of keys unless every key of it passes `present`. */
function keepOnlyComplete(fields, keys, present) {
  if (keys.every((key) => present(fields[key]))) return fields;
  const kept = { ...fields };
  for (const key of keys) delete kept[key];
  return kept;
}

/** `ins` given as an `{ s_ins, s_insType }` object travels as `Ins`, a string as `s_ins`. */
function insObjectAsIns(fields) {
  const ins = fields.s_ins;
  if (ins === null || typeof ins !== 'object') return fields;
  const { s_ins: _, ...rest } = fields;
  return { ...rest, Ins: ins };
}

/** `["11488-4", "34133-9"]` → `{ "#0": "11488-4", "#1": "34133-9" }`, the JS2 list shape. */
function listsAsNumberedObjects(fields, keys) {
  const converted = { ...fields };
  for (const key of keys) {
    const value = converted[key];
    if (Array.isArray(value)) {
      converted[key] = Object.fromEntries(value.map((item, index) => [`#${index}`, item]));
    }
  }
  return converted;
}
