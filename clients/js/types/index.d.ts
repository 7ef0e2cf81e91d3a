// Type declarations for @libreconnect/client (the JavaScript sources are in ../src).

// ---------------------------------------------------------------------------------------------
// Wire values

/** An integer option: a number, or a numeric string (converted before sending). */
export type IntLike = number | `${number}`;
/** A 0/1 option: `true`/`false` are sent as 1/0. */
export type FlagLike = boolean | IntLike;

/**
 * Extra JS2 keys may be given next to the readable options, spelled as on the wire
 * (`s_…`, `i_…`, `f_…`); they are sent unchanged.
 */
export interface ExtraWireKeys {
  [wireKey: `s_${string}` | `i_${string}` | `f_${string}`]: unknown;
}

/** Any JS2 answer: `s_status` plus command-specific keys. */
export interface Js2Answer {
  s_status: string;
  [key: string]: unknown;
}

/** Fields of a `raw` command, spelled as on the wire. */
export type WireFields = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Client options

/** The part of a browser `WebSocket` (or of the `ws` package's) that the client uses. */
export interface WebSocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'message' | 'error' | 'close', listener: (event: any) => void): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** The part of a `fetch` response the health check reads. */
export interface HealthResponseLike {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
  headers?: { get(name: string): string | null | undefined };
}

export type FetchLike = (
  url: string,
  init?: { method?: 'GET'; mode?: 'cors'; credentials?: 'omit'; cache?: 'no-store' },
) => Promise<HealthResponseLike>;

export interface ClientOptions {
  /** Default `localhost.icanopee.net`. */
  host?: string;
  /** Default `9982`. */
  port?: number | string;
  /** Full WebSocket URL; overrides `host` and `port` (e.g. `ws://127.0.0.1:5000` in tests). */
  url?: string;
  /** Health URL; default derived from the WebSocket URL: `https://<host>:<port>/health`. */
  healthUrl?: string;
  /** WebSocket implementation; default the global `WebSocket` (in Node 20, pass `ws`). */
  WebSocket?: WebSocketConstructor | null;
  /** `fetch` implementation for the health check; default the global `fetch`. */
  fetch?: FetchLike;
  /** Check `/health` before the first command (default `true`). */
  healthCheck?: boolean;
  /**
   * Answer budgets in milliseconds: one number for every command, or a map by JS2 command
   * name (`{ hl_readCpxCard: 20000 }`); commands not in the map keep the JS2 wrapper's budget.
   */
  timeouts?: number | Partial<Record<string, number>>;
  /** Session id to start with (e.g. one kept across a page reload). */
  sessionId?: string | null;
}

export interface CallOptions {
  /** Answer budget of this call in milliseconds (for monitors: of the acknowledgement). */
  timeoutMs?: number;
}

export interface HealthResult {
  ok: true;
  /** Connector version from `/health` (`s_serviceVersion` or the `eSanteConnect-Version` header). */
  version: string | null;
}

// ---------------------------------------------------------------------------------------------
// Command options (readable name = JS2 key without its type prefix)

export interface OpenSessionOptions extends ExtraWireKeys {
  /** `i_timeoutInSeconds`, idle timeout of the session; default 3600. */
  timeoutInSeconds?: IntLike;
  /** `s_applicationId`. */
  applicationId?: string;
  /** `s_userName` (TSE); sent only together with a non-empty `domainName`. */
  userName?: string;
  /** `s_domainName` (TSE); sent only together with a non-empty `userName`. */
  domainName?: string;
  /** `s_proxyIpOrUrl`; the four proxy fields are sent only when all four are given. */
  proxyIpOrUrl?: string;
  /** `i_proxyPort`. */
  proxyPort?: IntLike;
  /** `s_proxyLogin`. */
  proxyLogin?: string;
  /** `s_proxyPassword`. */
  proxyPassword?: string;
  /** `s_dcparameters64`. */
  dcParameters64?: string;
  /** `i_disableUpdateCheck`. */
  disableUpdateCheck?: FlagLike;
  /** `s_updateCheckChannel`: "prod", "dev" or "beta". */
  updateCheckChannel?: string;
  /** `i_getDcparamInformations`. */
  getDcparamInformations?: FlagLike;
  /** `s_numHomologation` (MSS builds). */
  numHomologation?: string;
  /** `s_producerAddress` (MSS builds). */
  producerAddress?: string;
  /** `s_softwareDetails` (MSS builds). */
  softwareDetails?: string;
}

export interface CreateConnectionOptions extends ExtraWireKeys {
  /** `s_server`: an http(s) URL, or a host name or IP address (taken as https). */
  server: string;
  /** `i_requestTimeout` in seconds (1-3600); default 30. */
  requestTimeout?: IntLike;
  /** `s_proxyIpOrUrl`. */
  proxyIpOrUrl?: string;
  /** `i_proxyPort`, required with `proxyIpOrUrl`. */
  proxyPort?: IntLike;
  /** `s_proxyLogin`. */
  proxyLogin?: string;
  /** `s_proxyPassword`. */
  proxyPassword?: string;
  /** `s_caCertName`. */
  caCertName?: string;
  /** `i_usePkcs11`. */
  usePkcs11?: FlagLike;
}

export interface GetDocumentContentOptions extends ExtraWireKeys {
  /** `i_documentHandle`: an `i_handle` of the last `findDocuments`. */
  documentHandle: IntLike;
  /** `i_getCdaHeaders`; default 1, as the wrapper sends. */
  getCdaHeaders?: FlagLike;
  /** `i_getPerformer`; default 1, as the wrapper sends. */
  getPerformer?: FlagLike;
}

export interface FlushPrintedDocumentsOptions extends ExtraWireKeys {
  /** `s_documentIds`: the ids to remove (an array, or one string of ids); absent removes all. */
  documentIds?: string[] | string;
}

export interface SessionDataIdOptions extends ExtraWireKeys {
  /** `s_sessionDataId`. */
  sessionDataId: string;
}

export interface SetSessionDataOptions extends ExtraWireKeys {
  /** `s_sessionDataId`: updates this item when given, creates one otherwise. */
  sessionDataId?: string;
  /** `s_sessionData64`. */
  sessionData64: string;
}

export interface SetPersistantDataOptions extends ExtraWireKeys {
  /** `s_persistantData64` (overwrites). */
  persistantData64: string;
}

export interface DateOptions extends ExtraWireKeys {
  /** `s_date` (YYMMDD or DDMMYYYY). */
  date: string;
}

export interface DateQualityOptions extends DateOptions {
  /** `i_quality` (6 = child). */
  quality: IntLike;
}

export interface LogsTailOptions extends ExtraWireKeys {
  /** `i_getServerLog` (connector default 1). */
  getServerLog?: FlagLike;
  /** `i_getDmpConnectLog` (connector default 1). */
  getDmpConnectLog?: FlagLike;
  /** `i_serverLogNbLastLines` (connector default 50). */
  serverLogNbLastLines?: IntLike;
  /** `i_dmpConnectLogNbLastLines` (connector default 50). */
  dmpConnectLogNbLastLines?: IntLike;
}

export interface SetLogLevelsOptions extends ExtraWireKeys {
  /** `i_dmpConnectLogLevel` (0 disabled … 5 dev). */
  dmpConnectLogLevel?: IntLike;
  /** `i_dmpConnectJsLogLevel`. */
  dmpConnectJsLogLevel?: IntLike;
}

export interface GetVitaleCardOptions extends ExtraWireKeys {
  /** `i_readerNumber`, index in `Readers`; sent only when given. */
  readerNumber?: IntLike;
  /** `s_readerName` (wins when non-empty); with neither, the first reader holding a Vitale card. */
  readerName?: string | null;
}
/** One beneficiary of a Vitale card (`Patients[]`). */
export interface VitalePatient {
  s_name: string;
  s_given: string;
  s_birthname: string;
  /** As on the card, DDMMYYYY; month or day may be "lunar" (00001948). */
  s_birthday: string;
  /** A calendar date, lunar dates brought back to 1 January. */
  s_birthdayYYYYMMDD: string;
  s_rawBirthdayYYYYMMDD: string;
  /** The insured person's NIR, "1530789876585 13". */
  s_nir: string;
  s_certifiedNir: string;
  s_ins: string;
  s_insC: string;
  i_birthRank: number;
  /** 0 insured, 1 ascendant, 2 spouse, 6 child... */
  i_quality: number;
}
export interface VitaleCardAnswer extends Js2Answer {
  Patients: VitalePatient[];
  /** VitaleStatus: 1 missing, 2 error, 3 production, 4 test, 5 demonstration card. */
  i_cardStatus: number;
  s_cardStatusText: string;
}
export interface GetCpxCardOptions extends ExtraWireKeys {
  /** `i_readerNumber`, index in `Readers`; default 0. */
  readerNumber?: IntLike;
  /** `s_readerName`; default "" (when non-empty the index is ignored). */
  readerName?: string | null;
}

export interface ReadCpxCardOptions extends ExtraWireKeys {
  /** `s_pinCode`. Never stored nor logged by the library. */
  pinCode: string;
  /** `i_returnCertificates`; default 1. */
  returnCertificates?: FlagLike;
}

export interface SignWithCpxCardOptions extends ExtraWireKeys {
  /** `s_pinCode`. */
  pinCode: string;
  /** `s_stringToSign` (legacy form). */
  stringToSign?: string;
  /** `s_dataToSignInBase64`. */
  dataToSignInBase64?: string;
  /** `i_digestType` (1 = SHA-256). */
  digestType?: IntLike;
}

export interface CardMonitoringOptions extends ExtraWireKeys {
  /** `i_checkingInterval` in seconds. */
  checkingInterval?: IntLike;
}

export interface CreateDmpConnectorOptions extends ExtraWireKeys {
  /** `s_pinCode`. */
  pinCode: string;
  /**
   * `s_dmpUrl`: "" is production, "formation1" (any name) a training platform
   * (`https://formation1.lps2.dmp.gouv.fr/si-dmp-server/v2/services`), an `https://` URL is
   * used as it is.
   */
  dmpUrl?: string;
  /** `i_transactionsTimeout` in seconds. */
  transactionsTimeout?: IntLike;
  /** `s_practiceSetting`, e.g. "AMBULATOIRE". */
  practiceSetting?: string;
  /** `i_cpsPracticeLocationIndice`, index in `PracticeLocations`. */
  cpsPracticeLocationIndice?: IntLike;
  proxyIpOrUrl?: string;
  proxyPort?: IntLike;
  proxyLogin?: string;
  proxyPassword?: string;
  /** `s_ntpIpOrUrl`. */
  ntpIpOrUrl?: string;
  /** `i_ntpPort`. */
  ntpPort?: IntLike;
  /** `i_getConnectionHandle`. */
  getConnectionHandle?: FlagLike;
  /** `s_localPatientRootOid`. */
  localPatientRootOid?: string;
}

export interface SetPracticeLocationOptions extends ExtraWireKeys {
  cpsPracticeLocationIndice: IntLike;
  practiceSetting?: string;
}

export interface SetDmpAccessModeOptions extends ExtraWireKeys {
  /** `i_accessMode`: 1 NormalAccess, 2 BrisDeGlace, 3 Centre15. */
  accessMode: IntLike;
  /** `s_reason`. */
  reason?: string;
}

export interface SetConfidentialityLevelOptions extends ExtraWireKeys {
  /** `i_enableSecretConnection`. */
  enableSecretConnection: FlagLike;
}

/** `Ins` object of the wire format. */
export interface Ins {
  s_ins: string;
  s_insType?: string;
}

export interface InsOptions extends ExtraWireKeys {
  /** `s_ins` (INS of the patient). */
  ins: string;
}

/** `LpsInfos`: the software's identification that INSi requests carry. */
export interface LpsInfos {
  /** CNDA authorisation number. */
  s_idam: string;
  s_numAM: string;
  s_version: string;
  /** UUID of the installation. */
  s_instance: string;
  s_name: string;
  /** FINESS or health-insurance number. */
  s_billingNumber?: string;
}

export interface CreateInsiConnectorOptions extends ExtraWireKeys {
  pinCode: string;
  /** `s_insiUrl`: empty for production, or an https:// URL. */
  insiUrl?: string;
  /** `s_serviceUrl`: the same, under the other spelling LibreConnect accepts. */
  serviceUrl?: string;
  transactionsTimeout?: IntLike;
  practiceSetting?: string;
  cpsPracticeLocationIndice?: IntLike;
  proxyIpOrUrl?: string;
  proxyPort?: IntLike;
  proxyLogin?: string;
  proxyPassword?: string;
  ntpIpOrUrl?: string;
  ntpPort?: IntLike;
}

export interface InsIdentityTraitsOptions extends ExtraWireKeys {
  lpsInfos: LpsInfos;
  /** Capitals without accents; only hyphen, space and apostrophe between letters. */
  birthName: string;
  given: string;
  /** `i_sex`: 2 male, 3 female. */
  sex: IntLike;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** INSEE COG code. */
  birthPlace?: string;
}

export interface CheckInsIdentityOptions extends InsIdentityTraitsOptions {
  ins: string;
  key: string;
  oid?: string;
}

export interface InsFromVitaleCardOptions extends ExtraWireKeys {
  lpsInfos: LpsInfos;
  /** Index in the `Patients` list of the last Vitale card read. */
  vitalePatientIndex: IntLike;
}

export interface DmpStatusOptions extends ExtraWireKeys {
  /** `s_ins`, or `Ins` when given as an object. */
  ins: string | Ins;
}

export interface UpdateUserDmpAccessAuthorizationOptions extends InsOptions {
  /** `i_action`: 1 add, 2 remove. */
  action: IntLike;
  /** `i_setTreatingPhysician`. */
  setTreatingPhysician?: FlagLike;
}

export interface AccessibleDmpListOptions extends ExtraWireKeys {
  /** `s_type`: "LASTAUTORIZATION" (sic) or "LASTDOC". */
  type: 'LASTAUTORIZATION' | 'LASTDOC' | (string & {});
  /** `s_date` (YYYYMMDD). */
  date: string;
}

export interface DmpAuthorizationsListOptions extends InsOptions {
  /** `i_authorizationType`; default 1. */
  authorizationType?: IntLike;
}

export interface EventCode {
  s_classification: string;
  s_code: string;
  s_description?: string;
}

/** HP structure used as input (note `s_hpSpecialty`). */
export interface HealthProfessional {
  s_hpName?: string;
  s_hpGiven?: string;
  s_hpProfession?: string;
  s_hpProfessionOid?: string;
  s_hpSpecialty?: string;
  s_hpInternalId?: string;
  i_hpInternalIdType?: number;
  [key: string]: unknown;
}

export interface SendDocumentOptions extends InsOptions {
  /** `s_fileContentBase64`. */
  fileContentBase64: string;
  documentTitle: string;
  documentDescription?: string;
  /** `s_documentCategory` (typeCode, e.g. "11488-4"). */
  documentCategory: string;
  /** `i_documentVisibility` (bit flags). */
  documentVisibility: IntLike;
  /** `i_documentFormat`. */
  documentFormat: IntLike;
  /** `s_healthcareSetting`, e.g. "SA07". */
  healthcareSetting: string;
  replacedDocumentUniqueId?: string;
  submissionSetTitle?: string;
  submissionSetDescription?: string;
  localPatientId?: string;
  /** `s_eventCodes`, sent as an array as JS2 clients do. */
  eventCodes?: EventCode[];
  /** `Informants`. */
  informants?: Record<string, unknown>[];
  /** `TreatingPhysician`. */
  treatingPhysician?: HealthProfessional;
  /** `AdditionalAuthors`. */
  additionalAuthors?: HealthProfessional[];
  transcodeTypeCode?: FlagLike;
  forceSchematronsValidation?: FlagLike;
}

/** A list filter: an array (sent as `{"#0": …, "#1": …}`) or that object itself. */
export type Js2List<T> = T[] | Record<string, T>;

export interface FindDocumentsOptions extends ExtraWireKeys {
  /** `s_ins`, or `Ins` when given as an object. */
  ins: string | Ins;
  /** `Categories`. */
  categories?: Js2List<string>;
  /** `Formats`. */
  formats?: Js2List<number>;
  /** `Practices`. */
  practices?: Js2List<string>;
  serviceStartDateTop?: string;
  serviceStartDateBottom?: string;
  creationDateTop?: string;
  creationDateBottom?: string;
  submissionDateTop?: string;
  submissionDateBottom?: string;
  /** `i_status` (bit sum of DocumentStatus). */
  status?: IntLike;
  /** `i_visibility` (bit sum of DocumentVisibility). */
  visibility?: IntLike;
  disableMetadataSearch?: FlagLike;
}

export interface DocumentByUniqueIdOptions extends InsOptions {
  /** `s_documentUniqueId`. */
  documentUniqueId: string;
  /** `s_documentUuid`. */
  documentUuid?: string;
}

export interface GetDocumentContentByUniqueIdOptions extends DocumentByUniqueIdOptions {
  getCdaHeaders?: FlagLike;
  getPerformer?: FlagLike;
}

export interface UpdateDocumentStatusByUniqueIdOptions extends DocumentByUniqueIdOptions {
  /** `s_healthCareSettings` (sic). */
  healthCareSettings: string;
}

export interface UpdateDocumentVisibilityByUniqueIdOptions extends UpdateDocumentStatusByUniqueIdOptions {
  /** `i_newVisibility`. */
  newVisibility: IntLike;
}

export interface DeleteDocumentOptions extends InsOptions {
  /** `s_uniqueId`. */
  uniqueId: string;
  /** `s_healthCareSettings`. */
  healthCareSettings: string;
}

/** `hl_getCertifiedIdentity` (TD0.0; the service closed on 30/09/2023: answers a functional error). */
export interface CertifiedIdentityOptions extends ExtraWireKeys {
  nirOD?: string;
  /** YYYYMMDD. */
  birthDate?: string;
  birthRank?: number;
  nirIndividu?: string;
}
/** `hl_getInsNirFromInsC` (INS-C no longer accepted: answers a functional error). */
export interface InsNirFromInsCOptions extends ExtraWireKeys {
  /** `s_insC`: 22 digits. */
  insC: string;
}
/** `hl_findPatients` (TD0.5, search without INS): the DMP allows it in régulation only (access mode 3). */
export interface FindPatientsOptions extends ExtraWireKeys {
  /** `s_name`: the birth name, 2 characters or more. */
  name: string;
  givenName?: string;
  /** `s_birthday`: YYYYMMDD. */
  birthday?: string;
  city?: string;
  postalCode?: string;
  /** `i_sex`: 1 unknown, 2 male, 3 female. */
  sex?: number | string;
  /** `i_approxName`: 1 to also find close spellings of the name. */
  approxName: number | string;
  /** `i_approxCity`: 1 to also find close spellings of the city. */
  approxCity: number | string;
}
/** One patient of `hl_findPatients`. */
export interface FoundPatient {
  s_ins: string;
  s_insType: string;
  s_patientName: string;
  s_patientGivenName: string;
  s_birthName: string;
  s_birthday: string;
  i_sex: number;
  s_city: string;
  s_postalCode: string;
}
export interface FindPatientsAnswer extends Js2Answer {
  Patients: FoundPatient[];
}
/** `hl_setWebPsRootUrl`: "" goes back to the DMP's own Web-PS host. */
export interface WebPsRootUrlOptions extends ExtraWireKeys {
  url: string;
}
/** `DmpAdministrativeData`: the `hl_getDmpAdministrativeData` answer's shape (extra keys tolerated). */
export interface DmpAdministrativeData {
  PatientData: {
    s_ins?: string;
    Ins?: { s_ins: string; s_insType?: string };
    ExtendedCivilStatus: {
      CivilStatus: { i_gender: number; s_given: string; s_name: string };
      i_sex: number;
      s_birthCountry?: string;
      /** YYYYMMDD. */
      s_birthDay: string;
      s_birthName?: string;
    };
    ExtendedContactDetails?: {
      ContactDetails?: {
        s_address?: string;
        s_addressComplement?: string;
        s_city?: string;
        s_landlinePhone?: string;
        s_mail?: string;
        s_mobilePhone?: string;
        s_postalCode?: string;
      };
      s_country?: string;
    };
  };
  PatientOppositions?: { i_brisDeGlaceOpposition: number; i_centre15Opposition: number };
  PatientOppositionsStatus?: { i_brisDeGlaceOpposition: number; i_centre15Opposition: number };
  i_guardian?: number;
  GuardianData?: Record<string, unknown>;
  [key: string]: unknown;
}
/** `hl_createDmp` (TD1.1) and `hl_createDmpAndOtp`. */
export interface CreateDmpOptions extends ExtraWireKeys {
  dmpAdministrativeData: DmpAdministrativeData;
  /** `VitaleData`: names and birth date (YYMMDD) as on the Vitale card. */
  vitaleData?: { s_name?: string; s_birthName?: string; s_given?: string; s_birthDay?: string };
  returnAsFile?: number;
}
/** `hl_updateDmpAdministrativeData` (TD1.3b). */
export interface UpdateDmpAdministrativeDataOptions extends ExtraWireKeys {
  dmpAdministrativeData: DmpAdministrativeData;
}
/** `hl_reactivateDmp` (TD1.2): the flat civil status and contact details. */
export interface ReactivateDmpOptions extends InsOptions {
  gender?: number;
  given?: string;
  name?: string;
  sex?: number;
  birthCountry?: string;
  /** YYYYMMDD. */
  birthDay?: string;
  birthName?: string;
  address?: string;
  addressComplement?: string;
  city?: string;
  landlinePhone?: string;
  mail?: string;
  mobilePhone?: string;
  postalCode?: string;
  country?: string;
}
/** `hl_closeDmp` (TD1.4). */
export interface CloseDmpOptions extends InsOptions {
  /** `s_reason`: FERMETURE_DEMANDE_PATIENT, FERMETURE_DECES or FERMETURE_AUTRE. */
  reason: string;
  name?: string;
  given?: string;
}
/** One item of `Documents` in `hl_sendDocuments`. */
export interface DocumentToSend {
  s_contentInBase64: string;
  s_title: string;
  s_description?: string;
  s_category: string;
  i_visibility?: number;
  i_format: number;
  s_replacedDocumentUniqueId?: string;
  EventCodes?: Record<string, unknown>[];
  Informants?: Record<string, unknown>[];
  TreatingPhysician?: Record<string, unknown>;
  AdditionalAuthors?: Record<string, unknown>[];
  [key: string]: unknown;
}
/** `hl_sendDocuments`: several documents in one submission set. */
export interface SendDocumentsOptions extends InsOptions {
  healthcareSetting: string;
  documents: DocumentToSend[];
  submissionSetTitle?: string;
  submissionSetDescription?: string;
  localPatientId?: string;
  transcodeTypeCode?: number;
  forceSchematronsValidation?: number;
}
/** `hl_updateDocumentVisibility`, by the handle of the last search. */
export interface UpdateDocumentVisibilityOptions extends ExtraWireKeys {
  /** `i_document`: the `i_handle` of a found document. */
  document: number;
  healthCareSettings?: string;
  newVisibility: number;
}
/** `hl_updateDocumentStatus`, by the handle of the last search. */
export interface UpdateDocumentStatusOptions extends ExtraWireKeys {
  document: number;
  healthCareSettings?: string;
}
/** `hl_getOtpChannelValue`: 1 SMS, 2 e-mail. */
export interface OtpChannelValueOptions extends InsOptions {
  otpChannelType: number;
}
/** `hl_getPatientWebAccessPdf`. */
export interface PatientWebAccessPdfOptions extends InsOptions {
  openPdfAfterCreation?: number;
  otpPhone?: string;
  otpEmail?: string;
  returnAsFile?: number;
}
/** `hl_createAcknowledgementPdf`. */
export interface AcknowledgementPdfOptions extends InsOptions {
  returnAsFile?: number;
  openPdfAfterCreation?: number;
  civilStatus: { i_gender: number; s_name: string; s_given?: string };
}

// ---------------------------------------------------------------------------------------------
// Answers (the JS2 answer objects, as the connector sends them)

export interface OpenSessionAnswer extends Js2Answer {
  s_sessionId: string;
  s_serviceVersion?: string;
  i_isProduction?: number;
}

export interface SessionStateAnswer extends Js2Answer {
  i_error?: number;
  i_cpxReader?: number;
  i_cpxCard?: number;
  i_vitaleCard?: number;
  i_practiceLocation?: number;
  i_dmpConnector?: number;
  i_authToken?: number;
  i_connection?: number;
  i_caCert?: number;
  i_user?: number;
  i_documentsFound?: number;
  /** LibreConnect: 1 when the session holds an INSi connector. */
  i_insiConnector?: number;
}
export interface SessionExistsAnswer extends Js2Answer {
  /** 1 when the client's session is open (for this origin), else 0. */
  i_sessionExists: number;
}
/** A map of names to parameter ids, such as `{ Id0: 51, Id1: 52 }` (JS2 `ObjectParameterName` ids). */
export type ParameterIds = Record<string, IntLike>;

export interface ObjectParametersOptions extends ExtraWireKeys {
  /** `i_objectHandle`: a handle of the session (see `getSessionState`, `findDocuments`…). */
  objectHandle: IntLike;
  /** String parameters to read; with none of the four maps, the whole object is answered. */
  stringIds?: ParameterIds;
  /** String parameters to read, answered in base64. */
  stringBase64Ids?: ParameterIds;
  /** Integer, boolean, enum and handle parameters to read. */
  integerIds?: ParameterIds;
  /** Float parameters to read. */
  floatIds?: ParameterIds;
}
/** The object's parameters keyed by their ids (as strings), its `handleId` and `type` (HandleType). */
export interface ObjectParametersAnswer extends Js2Answer {
  handleId: number;
  type: number;
  [parameterId: string]: unknown;
}
export interface GlobalParameterOptions extends ExtraWireKeys {
  /** `i_globalParameter`: a JS2 `GlobalParameterName` id (1 VersionName, 6/7/8 version numbers…). */
  globalParameter: IntLike;
  /** `i_resultInBase64`: 1 answers the string in base64. */
  resultInBase64?: IntLike | boolean;
}
export interface ObjectParameterOptions extends ExtraWireKeys {
  /** `i_parameter`: a JS2 `ObjectParameterName` id. */
  parameter: IntLike;
  /** `i_object`: the object's handle. */
  object: IntLike;
  /** `i_resultInBase64` (string reads only). */
  resultInBase64?: IntLike | boolean;
}
export interface ListOptions extends ExtraWireKeys {
  /** `i_list`: the handle of a list. */
  list: IntLike;
}
export interface ListPositionOptions extends ListOptions {
  /** `i_position`: 0-based index in the list. */
  position: IntLike;
}
export interface HandleOptions extends ExtraWireKeys {
  /** `i_handle`. */
  handle: IntLike;
}
export interface CreateObjectOptions extends ExtraWireKeys {
  /** `i_type`: the HandleType (List 2, HP 9, SubmissionSet 10, Document 11, Filter 18, EventCode 19). */
  type: IntLike;
}
export interface ErrorObjectOptions extends ExtraWireKeys {
  /** `i_error`: the session's error object (the `i_error` handle of `getSessionState`). */
  error?: IntLike;
}
export interface StringResultAnswer extends Js2Answer {
  s_utf8String: string;
  /** Size of the string in UTF-8 bytes, as a decimal string. */
  s_utf8StringSize: string;
}
export interface IntegerResultAnswer extends Js2Answer {
  i_returnValue: number;
}
export interface FloatResultAnswer extends Js2Answer {
  f_returnValue: number;
}

export interface ConnectionAnswer extends Js2Answer {
  i_connectionHandle: number;
}

export interface SessionDataIdAnswer extends Js2Answer {
  s_sessionDataId: string;
}
export interface SessionDataAnswer extends Js2Answer {
  s_sessionData64: string;
}
export interface SessionDataSizeAnswer extends Js2Answer {
  i_sessionDataSize: number;
}
export interface PersistantDataAnswer extends Js2Answer {
  s_persistantData64: string;
}
export interface PersistantDataSizeAnswer extends Js2Answer {
  i_persistantDataSize: number;
}
export interface MaximumPersistantDataSizeAnswer extends Js2Answer {
  i_maximumPersistantDataSize: number;
}
export interface DateAnswer extends Js2Answer {
  s_date: string;
}
export interface CenturyAnswer extends Js2Answer {
  i_century: number;
}
export interface LogsTailAnswer extends Js2Answer {
  s_serverLogBase64?: string;
  s_dmpConnectLogBase64?: string;
}
export interface LogLevelsAnswer extends Js2Answer {
  i_dmpConnectLogLevel: number;
  i_dmpConnectJsLogLevel: number;
}

export interface PcscReader {
  s_name: string;
  i_slotType: number;
  s_slotType?: string;
  i_accessMode?: number;
  s_accessMode?: string;
}
export interface PcscReadersAnswer extends Js2Answer {
  Readers: PcscReader[];
}

export interface CpxStatusAnswer extends Js2Answer {
  i_cardStatus?: number;
  i_nbInputLeft?: number;
  s_validityDate?: string;
  s_cardId?: string;
}

export interface PracticeLocation {
  s_practiceLocationName: string;
  s_practiceLocationActivity?: string;
  s_practiceLocationHealthcareSettings?: string;
}

export interface CpxCardAnswer extends Js2Answer {
  s_name: string;
  s_given: string;
  s_internalId: string;
  s_profession?: string;
  s_professionOid?: string;
  s_professionDescription?: string;
  s_speciality?: string;
  s_specialityDescription?: string;
  i_remainingPinCodeInputs?: number;
  PracticeLocations: PracticeLocation[];
  s_signatureCertificatePEM?: string;
  s_authenticationCertificatePEM?: string;
}

export interface SignatureAnswer extends Js2Answer {
  s_signature: string;
  s_signatureCertificate?: string;
  s_digest?: string;
}

export interface DmpConnectorAnswer extends Js2Answer {
  s_instanceUniqueId?: string;
  i_connectionHandle?: number;
}

export interface DmpStatusAnswer extends Js2Answer {
  ExistingTestAnswer?: {
    AdminData?: Record<string, unknown>;
    i_dmpStatus: number;
    i_sex?: number;
    i_userAuthorization: number;
    i_webAccessIsOpen?: number;
    s_closingDate?: string;
    s_closingMessage?: string;
    [key: string]: unknown;
  };
  i_treatingPhysician?: number;
}

export interface AccessibleDmpListAnswer extends Js2Answer {
  AccessibleDmps?: Record<string, unknown>[];
}
export interface DmpAdministrativeDataAnswer extends Js2Answer {
  PatientData?: Record<string, unknown>;
  PatientOppositions?: Record<string, unknown>;
  i_guardian?: number;
  GuardianData?: Record<string, unknown>;
}
export interface DmpAuthorizationsListAnswer extends Js2Answer {
  AuthorizationList?: Record<string, unknown>[];
}
export interface SendDocumentAnswer extends Js2Answer {
  s_uniqueId: string;
}
export interface FindDocumentsAnswer extends Js2Answer {
  Documents?: Record<string, unknown>[];
}
export interface DocumentContentAnswer extends Js2Answer {
  s_fileContentInBase64: string;
  /** `getDocumentContent` only: `file://` URL of the document written on this machine. */
  s_filePath?: string;
  s_cdaHeadersInBase64?: string;
  i_documentFormat?: number;
  Performer?: Record<string, unknown>;
}
export interface WebPsDmpUrlsAnswer extends Js2Answer {
  Urls: string[];
}
export interface SendDocumentsAnswer extends Js2Answer {
  UniqueIds: string[];
}
export interface PdfAnswer extends Js2Answer {
  s_pdfFileContentInBase64: string;
  s_pdfFileUrl?: string;
}
export interface OtpChannelValueAnswer extends Js2Answer {
  s_otpChannelValue: string;
}
export interface MajorityAgeAnswer extends Js2Answer {
  i_majorityAge: number;
}
export interface DmpParametersAnswer extends Js2Answer {
  s_dmpUrl: string;
  s_environment: string;
  s_webPsRootUrl: string;
  s_practiceSetting: string;
  i_accessMode: number;
  i_secretConnection: number;
  i_majorityAge: number;
  s_instanceUniqueId: string;
}
export interface InsValue {
  s_value: string;
  s_key: string;
  s_oid: string;
  s_startDate?: string;
  s_endDate?: string;
}
export interface InsIdentity {
  Ins: InsValue;
  s_birthName: string;
  s_given: string;
  s_birthGiven: string;
  i_sex: number;
  s_birthDate: string;
  s_birthPlace: string;
  History?: InsValue[];
}
export interface InsSearchAnswer extends Js2Answer {
  /** 1 none, 2 one (with `Identity`), 3 several. */
  i_insIdentityResult: number;
  Identity?: InsIdentity;
}

// Monitoring events
export interface CardStatusEvent extends Js2Answer {
  i_cardStatus: number;
  s_cardStatus: string;
}
export interface VitaleCardStatusEvent extends CardStatusEvent {
  /** 0 production card, 1 test or demonstration card; only with a card read. */
  i_isDemoCard?: number;
  /** What `readVitaleCard` answers, when a card was read. */
  VitaleContent?: VitaleCardAnswer;
}
export interface DummyEvent extends Js2Answer {
  sMessage?: string;
}
export interface PrintedDocument {
  s_id: string;
  /** Size of the decoded content in bytes. */
  i_fileSize: number;
  /** The job title, without extension. */
  s_fileName: string;
  s_contentInBase64: string;
}
export interface PrintedDocumentsEvent extends Js2Answer {
  VirtualPrinterDocuments: PrintedDocument[];
}
export interface PrintedDocumentsCountAnswer extends Js2Answer {
  i_count: number;
}
export interface NextPrintedDocumentAnswer extends Js2Answer {
  /** Absent when there is none. */
  PrintedDocument?: PrintedDocument;
  i_remainingDocumentCount: number;
}

// ---------------------------------------------------------------------------------------------
// Errors

export declare const ErrorType: {
  readonly ApiErrors: 1;
  readonly DMPErrors: 2;
  readonly CurlErrors: 3;
  readonly VitaleErrors: 4;
  readonly WrapperErrors: 5000;
  readonly DmpConnectJsSoftwareErrors: 6000;
};

export declare const WrapperErrorCode: {
  readonly BrowserNotSupported: 1;
  readonly SocketError: 2;
  readonly ConnectionClosedError: 3;
  readonly UnexpectedResponse: 4;
  readonly ServerTimeout: 5;
  readonly InitializationError: 6;
};

export declare const SoftwareErrorCode: {
  readonly ErrTechnical: 1;
  readonly ErrFunctional: 2;
  readonly ErrInvalidSession: 3;
};

/** Thrown for any answer whose `s_status` is not "OK", and for transport failures (type 5000). */
export declare class Js2Error extends Error {
  constructor(answer: Record<string, unknown>, commandName?: string);
  readonly name: 'Js2Error';
  /** The JS2 command that failed (`checkHealth` for a failed health check). */
  readonly command: string | null;
  /** `s_status`: "ERROR", "API_ERROR", … */
  readonly status: string | null;
  readonly apiErrorType: number | null;
  readonly apiErrorCode: number | null;
  readonly apiErrorDescription: string | null;
  readonly apiErrorTypeDescription: string | null;
  readonly apiErrorContext: string | null;
  readonly apiErrorExtendedInformations: string | null;
  readonly errorDescription: string | null;
  /** The whole answer (for library errors, an answer-shaped object built the same way). */
  readonly answer: Record<string, unknown>;
  is(type: number, code: number): boolean;
  /** 6000/3: unknown or expired session. */
  isInvalidSession(): boolean;
  /** 1/7: wrong PIN code. */
  isWrongPin(): boolean;
  /** Type 5000: produced by this library. */
  isWrapperError(): boolean;
  /** 5000/5. */
  isTimeout(): boolean;
  /** 5000/2, 5000/3 or 5000/6. */
  isConnectionError(): boolean;
}

// ---------------------------------------------------------------------------------------------
// Monitoring

export interface CloseInfo {
  code: number;
  reason: string;
}

/**
 * A running monitor (persistent socket). The acknowledgement frame is consumed by the start
 * call and never delivered as an event.
 */
export declare class Monitor<E extends Js2Answer = Js2Answer> implements AsyncIterable<E> {
  private constructor();
  readonly commandName: string;
  /** True once the stream has ended. */
  readonly closed: boolean;
  /** The error that ended the stream, if any. */
  readonly error: Js2Error | null;
  on(type: 'event', listener: (event: E) => void): this;
  on(type: 'error', listener: (error: Js2Error) => void): this;
  on(type: 'close', listener: (info: CloseInfo) => void): this;
  off(type: 'event' | 'error' | 'close', listener: (value: any) => void): this;
  /** Closes the socket with code 1000; resolves once it is closed. */
  stop(): Promise<CloseInfo>;
  [Symbol.asyncIterator](): AsyncIterator<E, undefined>;
}

// ---------------------------------------------------------------------------------------------
// Client

export type PersistentCommandName =
  | 'hl_startDummyMonitoring'
  | 'hl_startCpxCardMonitoring'
  | 'hl_startVitaleCardMonitoring'
  | 'hl_startPrintedDocumentsMonitoring';

export declare const DEFAULT_HOST: 'localhost.icanopee.net';
export declare const DEFAULT_PORT: 9982;
export declare const DMP_PRODUCTION_URL: string;
/** JS2 wrapper budgets in milliseconds, by command name. */
export declare const DEFAULT_TIMEOUTS_MS: Readonly<Record<string, number>>;
/** Budget of commands not in the table. */
export declare const FALLBACK_TIMEOUT_MS: number;
export declare const PERSISTENT_COMMANDS: ReadonlySet<string>;
export declare const SESSIONLESS_COMMANDS: ReadonlySet<string>;
/** Commands that need no session but carry the client's session id when it has one. */
export declare const SESSION_PROBE_COMMANDS: ReadonlySet<string>;

export declare class LibreConnectClient {
  constructor(options?: ClientOptions);

  /** The WebSocket URL. */
  readonly url: string;
  /** Set by `openSession`, cleared by `closeSession`, sent as `s_sessionId`. */
  sessionId: string | null;

  /** `GET /health`; rejects with a 5000/6 Js2Error when the connector cannot be reached. */
  checkHealth(): Promise<HealthResult>;

  /** Any command, fields spelled as on the wire. */
  raw(commandName: PersistentCommandName, fields?: WireFields, callOptions?: CallOptions): Promise<Monitor>;
  raw<A extends Js2Answer = Js2Answer>(
    commandName: string,
    fields?: WireFields,
    callOptions?: CallOptions,
  ): Promise<A>;

  // Session — hl_openSession, hl_closeSession, hl_getSessionState
  openSession(options?: OpenSessionOptions, callOptions?: CallOptions): Promise<OpenSessionAnswer>;
  closeSession(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<Js2Answer>;
  getSessionState(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<SessionStateAnswer>;
  /** Whether the client's session is still open; needs no session. */
  sessionExists(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<SessionExistsAnswer>;
  /** Always OK on LibreConnect: there is no licence server. */
  checkUserLicenseRight(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<Js2Answer>;
  createConnection(options: CreateConnectionOptions, callOptions?: CallOptions): Promise<ConnectionAnswer>;

  // Session data — hl_*SessionData*
  setSessionData(options: SetSessionDataOptions, callOptions?: CallOptions): Promise<SessionDataIdAnswer>;
  getSessionData(options: SessionDataIdOptions, callOptions?: CallOptions): Promise<SessionDataAnswer>;
  removeSessionData(options: SessionDataIdOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  clearSessionData(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<Js2Answer>;
  getSessionDataSize(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<SessionDataSizeAnswer>;
  getMaximumSessionDataSize(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<Js2Answer>;

  // Persistent data — hl_*PersistantData* (sic)
  setPersistantData(options: SetPersistantDataOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  getPersistantData(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<PersistantDataAnswer>;
  clearPersistantData(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<Js2Answer>;
  getPersistantDataSize(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<PersistantDataSizeAnswer>;
  getMaximumPersistantDataSize(
    options?: ExtraWireKeys,
    callOptions?: CallOptions,
  ): Promise<MaximumPersistantDataSizeAnswer>;

  // Utilities
  convertLunarDateToStandardDate(options: DateOptions, callOptions?: CallOptions): Promise<DateAnswer>;
  computeBirthDayCentury(options: DateQualityOptions, callOptions?: CallOptions): Promise<CenturyAnswer>;
  regularizeBirthDateIfNeeded(options: DateQualityOptions, callOptions?: CallOptions): Promise<DateAnswer>;

  // Logs — getLogsTail, hl_getSessionLogsTail, getLogLevels, setLogLevels
  getLogsTail(options?: LogsTailOptions, callOptions?: CallOptions): Promise<LogsTailAnswer>;
  getSessionLogsTail(options?: LogsTailOptions, callOptions?: CallOptions): Promise<LogsTailAnswer>;
  getLogLevels(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<LogLevelsAnswer>;
  setLogLevels(options: SetLogLevelsOptions, callOptions?: CallOptions): Promise<Js2Answer>;

  // Readers and cards
  getPcscReaders(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<PcscReadersAnswer>;
  getCpxCard(options?: GetCpxCardOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  getCpxStatus(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<CpxStatusAnswer>;
  readCpxCard(options: ReadCpxCardOptions, callOptions?: CallOptions): Promise<CpxCardAnswer>;
  signWithCpxCard(options: SignWithCpxCardOptions, callOptions?: CallOptions): Promise<SignatureAnswer>;
  getVitaleCard(options?: GetVitaleCardOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  readVitaleCard(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<VitaleCardAnswer>;

  // Monitoring (persistent sockets)
  startDummyMonitoring(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<Monitor<DummyEvent>>;
  /** Debug: ends the session's worker process (only when the connector's debug/crash_commands allows it). */
  crash(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<Js2Answer>;
  /** Debug: stops the session's worker process until the connector ends it (debug/crash_commands). */
  zombie(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<Js2Answer>;
  startCpxCardMonitoring(
    options?: CardMonitoringOptions,
    callOptions?: CallOptions,
  ): Promise<Monitor<CardStatusEvent>>;
  startVitaleCardMonitoring(
    options?: CardMonitoringOptions,
    callOptions?: CallOptions,
  ): Promise<Monitor<VitaleCardStatusEvent>>;
  startPrintedDocumentsMonitoring(
    options?: ExtraWireKeys,
    callOptions?: CallOptions,
  ): Promise<Monitor<PrintedDocumentsEvent>>;
  getPrintedDocumentsCount(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<PrintedDocumentsCountAnswer>;
  getPrintedDocuments(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<PrintedDocumentsEvent>;
  getNextPrintedDocument(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<NextPrintedDocumentAnswer>;
  flushPrintedDocuments(options?: FlushPrintedDocumentsOptions, callOptions?: CallOptions): Promise<Js2Answer>;

  // Object inspection and the low-level API
  getObjectParameters(options: ObjectParametersOptions, callOptions?: CallOptions): Promise<ObjectParametersAnswer>;
  getParameterString(options: GlobalParameterOptions, callOptions?: CallOptions): Promise<StringResultAnswer>;
  getParameterStringSize(options: GlobalParameterOptions, callOptions?: CallOptions): Promise<IntegerResultAnswer>;
  getParameterInt(options: GlobalParameterOptions, callOptions?: CallOptions): Promise<IntegerResultAnswer>;
  getObjectParameterString(options: ObjectParameterOptions, callOptions?: CallOptions): Promise<StringResultAnswer>;
  getObjectParameterStringSize(options: ObjectParameterOptions, callOptions?: CallOptions): Promise<IntegerResultAnswer>;
  getObjectParameterInt(options: ObjectParameterOptions, callOptions?: CallOptions): Promise<IntegerResultAnswer>;
  getObjectParameterFloat(options: ObjectParameterOptions, callOptions?: CallOptions): Promise<FloatResultAnswer>;
  getObjectFromList(options: ListPositionOptions, callOptions?: CallOptions): Promise<IntegerResultAnswer>;
  getListSize(options: ListOptions, callOptions?: CallOptions): Promise<IntegerResultAnswer>;
  copyObjectFromList(options: ListPositionOptions, callOptions?: CallOptions): Promise<IntegerResultAnswer>;
  handleExists(options: HandleOptions, callOptions?: CallOptions): Promise<IntegerResultAnswer>;
  checkValidity(options: HandleOptions, callOptions?: CallOptions): Promise<IntegerResultAnswer>;
  getHandleType(options: HandleOptions, callOptions?: CallOptions): Promise<IntegerResultAnswer>;
  createObject(options: CreateObjectOptions, callOptions?: CallOptions): Promise<IntegerResultAnswer>;
  releaseObject(options: HandleOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  releaseList(options: ListOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  releaseErrorObject(options?: ErrorObjectOptions, callOptions?: CallOptions): Promise<Js2Answer>;

  // DMP
  createDmpConnector(options: CreateDmpConnectorOptions, callOptions?: CallOptions): Promise<DmpConnectorAnswer>;
  setPracticeLocation(options: SetPracticeLocationOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  setDmpAccessMode(options: SetDmpAccessModeOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  setConfidentialityLevel(options: SetConfidentialityLevelOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  getDirectAuthenticationDMPStatus(options: DmpStatusOptions, callOptions?: CallOptions): Promise<DmpStatusAnswer>;
  updateUserDmpAccessAuthorization(
    options: UpdateUserDmpAccessAuthorizationOptions,
    callOptions?: CallOptions,
  ): Promise<Js2Answer>;
  getAccessibleDMPList(options: AccessibleDmpListOptions, callOptions?: CallOptions): Promise<AccessibleDmpListAnswer>;
  getDmpAdministrativeData(options: InsOptions, callOptions?: CallOptions): Promise<DmpAdministrativeDataAnswer>;
  getDmpAuthorizationsList(
    options: DmpAuthorizationsListOptions,
    callOptions?: CallOptions,
  ): Promise<DmpAuthorizationsListAnswer>;
  sendDocument(options: SendDocumentOptions, callOptions?: CallOptions): Promise<SendDocumentAnswer>;
  findDocuments(options: FindDocumentsOptions, callOptions?: CallOptions): Promise<FindDocumentsAnswer>;
  getDocumentContent(options: GetDocumentContentOptions, callOptions?: CallOptions): Promise<DocumentContentAnswer>;
  getDocumentContentByUniqueId(
    options: GetDocumentContentByUniqueIdOptions,
    callOptions?: CallOptions,
  ): Promise<DocumentContentAnswer>;
  updateDocumentVisibilityByUniqueId(
    options: UpdateDocumentVisibilityByUniqueIdOptions,
    callOptions?: CallOptions,
  ): Promise<Js2Answer>;
  updateDocumentStatusByUniqueId(
    options: UpdateDocumentStatusByUniqueIdOptions,
    callOptions?: CallOptions,
  ): Promise<Js2Answer>;
  deleteDocument(options: DeleteDocumentOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  getWebPsDmpUrls(options: InsOptions, callOptions?: CallOptions): Promise<WebPsDmpUrlsAnswer>;
  getCertifiedIdentity(options: CertifiedIdentityOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  getInsNirFromInsC(options: InsNirFromInsCOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  findPatients(options: FindPatientsOptions, callOptions?: CallOptions): Promise<FindPatientsAnswer>;
  setWebPsRootUrl(options: WebPsRootUrlOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  createDmp(options: CreateDmpOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  createDmpAndOtp(options: CreateDmpOptions, callOptions?: CallOptions): Promise<PdfAnswer>;
  reactivateDmp(options: ReactivateDmpOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  updateDmpAdministrativeData(
    options: UpdateDmpAdministrativeDataOptions,
    callOptions?: CallOptions,
  ): Promise<Js2Answer>;
  closeDmp(options: CloseDmpOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  sendDocuments(options: SendDocumentsOptions, callOptions?: CallOptions): Promise<SendDocumentsAnswer>;
  updateDocumentVisibility(options: UpdateDocumentVisibilityOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  updateDocumentStatus(options: UpdateDocumentStatusOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  getOtpChannelValue(options: OtpChannelValueOptions, callOptions?: CallOptions): Promise<OtpChannelValueAnswer>;
  getPatientWebAccessPdf(options: PatientWebAccessPdfOptions, callOptions?: CallOptions): Promise<PdfAnswer>;
  createAcknowledgementPdf(options: AcknowledgementPdfOptions, callOptions?: CallOptions): Promise<PdfAnswer>;
  getMajorityAge(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<MajorityAgeAnswer>;
  getDmpParameters(options?: ExtraWireKeys, callOptions?: CallOptions): Promise<DmpParametersAnswer>;
  createInsiConnector(options: CreateInsiConnectorOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  getInsFromIdentityInformation(
    options: InsIdentityTraitsOptions,
    callOptions?: CallOptions,
  ): Promise<InsSearchAnswer>;
  checkInsIdentity(options: CheckInsIdentityOptions, callOptions?: CallOptions): Promise<Js2Answer>;
  getInsFromVitaleCard(options: InsFromVitaleCardOptions, callOptions?: CallOptions): Promise<InsSearchAnswer>;
}
