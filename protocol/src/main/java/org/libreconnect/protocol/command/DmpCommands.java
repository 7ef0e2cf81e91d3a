package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.libreconnect.protocol.Base64Value;
import org.libreconnect.protocol.Required;

/**
 * Inputs and answers of the DMP commands (protocol spec section 2.8), with the JS2 keys exactly as
 * clients send and read them, spelling traps included: {@code s_healthcareSetting} on send but
 * {@code s_healthCareSettings} on update, {@code i_document_Format}, {@code
 * i_generalPractitionner}, {@code s_nextUUId}.
 */
public final class DmpCommands {
  private DmpCommands() {}

  // ---------------------------------------------------------------- connector and its settings

  /** {@code hl_createDmpConnector}. {@link #toString()} masks the PIN and the proxy password. */
  public record CreateDmpConnectorInput(
      @Required @JsonProperty("s_pinCode") String pinCode,
      @JsonProperty("s_dmpUrl") String dmpUrl,
      @JsonProperty("i_transactionsTimeout") Integer transactionsTimeout,
      @JsonProperty("s_practiceSetting") String practiceSetting,
      @JsonProperty("i_cpsPracticeLocationIndice") Integer cpsPracticeLocationIndice,
      @JsonProperty("s_proxyIpOrUrl") String proxyIpOrUrl,
      @JsonProperty("i_proxyPort") Integer proxyPort,
      @JsonProperty("s_proxyLogin") String proxyLogin,
      @JsonProperty("s_proxyPassword") String proxyPassword,
      @JsonProperty("s_ntpIpOrUrl") String ntpIpOrUrl,
      @JsonProperty("i_ntpPort") Integer ntpPort,
      @JsonProperty("i_getConnectionHandle") Integer getConnectionHandle,
      @JsonProperty("s_localPatientRootOid") String localPatientRootOid) {

    @Override
    public String toString() {
      return "CreateDmpConnectorInput[url=" + dmpUrl + ", timeout=" + transactionsTimeout
          + ", practiceSetting=" + practiceSetting + ", location=" + cpsPracticeLocationIndice
          + ", proxy=" + proxyIpOrUrl + ":" + proxyPort + ", ntp=" + ntpIpOrUrl + ":" + ntpPort
          + ", pin=***, proxyPassword=" + (proxyPassword == null ? "none" : "***") + "]";
    }
  }

  /** Answer of {@code hl_createDmpConnector}. */
  public record CreateDmpConnectorAnswer(
      @JsonProperty("s_instanceUniqueId") String instanceUniqueId,
      @JsonProperty("i_connectionHandle") Integer connectionHandle) {}

  /** {@code hl_setPracticeLocation}. */
  public record SetPracticeLocationInput(
      @Required @JsonProperty("i_cpsPracticeLocationIndice") Integer cpsPracticeLocationIndice,
      @JsonProperty("s_practiceSetting") String practiceSetting) {}

  /** {@code hl_setConfidentialityLevel}: 1 opens a "secret" connection, 0 closes it. */
  public record SetConfidentialityLevelInput(
      @Required @JsonProperty("i_enableSecretConnection") Integer enableSecretConnection) {}

  /** {@code hl_setDmpAccessMode}: AccessMode 1 normal, 2 bris de glace, 3 centre 15. */
  public record SetDmpAccessModeInput(
      @Required @JsonProperty("i_accessMode") Integer accessMode,
      @JsonProperty("s_reason") String reason) {}

  // ---------------------------------------------------------------- patients

  /** The {@code Ins} object: the patient's INS and its type ("N", "C", "T", "D"). */
  public record Ins(@JsonProperty("s_ins") String ins, @JsonProperty("s_insType") String insType) {}

  /** Commands that name a patient by {@code s_ins}, or by an {@code Ins} object. */
  public record PatientInput(
      @JsonProperty("s_ins") String ins, @JsonProperty("Ins") Ins insObject) {

    /** The INS from either form, or null. */
    public String insValue() {
      if (ins != null && !ins.isEmpty()) {
        return ins;
      }
      return insObject == null ? null : insObject.ins();
    }
  }

  /** {@code AdminData} of the TD0.2 answer. */
  public record AdminData(
      @JsonProperty("Ins") Ins ins,
      @JsonProperty("s_birthday") String birthday,
      @JsonProperty("s_insC") String insC,
      @JsonProperty("s_patientGivenName") String patientGivenName,
      @JsonProperty("s_patientName") String patientName) {}

  /** {@code ExistingTestAnswer} of the TD0.2 answer. */
  public record ExistingTestAnswer(
      @JsonProperty("AdminData") AdminData adminData,
      @JsonProperty("i_dmpStatus") int dmpStatus,
      @JsonProperty("i_sex") int sex,
      @JsonProperty("i_userAuthorization") int userAuthorization,
      @JsonProperty("i_webAccessIsOpen") int webAccessIsOpen,
      @JsonProperty("s_closingDate") String closingDate,
      @JsonProperty("s_closingMessage") String closingMessage) {}

  /** Answer of {@code hl_getDirectAuthenticationDMPStatus} (TD0.2). */
  public record DmpStatusAnswer(
      @JsonProperty("ExistingTestAnswer") ExistingTestAnswer existingTestAnswer,
      @JsonProperty("i_treatingPhysician") int treatingPhysician) {}

  /** {@code hl_updateUserDmpAccessAuthorization} (TD0.3): action 1 add, 2 remove. */
  public record UpdateAuthorizationInput(
      @Required @JsonProperty("s_ins") String ins,
      @Required @JsonProperty("i_action") Integer action,
      @JsonProperty("i_setTreatingPhysician") Integer setTreatingPhysician) {}

  /** {@code hl_getAccessibleDMPList} (TD0.4); {@code s_type} is "LASTAUTORIZATION" (sic) or "LASTDOC". */
  public record AccessibleDmpListInput(
      @Required @JsonProperty("s_type") String type,
      @Required @JsonProperty("s_date") String date) {}

  /** One item of {@code AccessibleDmps}. */
  public record AccessibleDmp(
      @JsonProperty("s_birthday") String birthday,
      @JsonProperty("s_ins") String ins,
      @JsonProperty("s_lastAccessDate") String lastAccessDate,
      @JsonProperty("s_lastAddDate") String lastAddDate,
      @JsonProperty("s_lastUpdateDate") String lastUpdateDate,
      @JsonProperty("s_patientBirthName") String patientBirthName,
      @JsonProperty("s_patientGivenName") String patientGivenName,
      @JsonProperty("s_patientName") String patientName,
      @JsonProperty("s_insC") String insC,
      @JsonProperty("i_treatingPhysician") int treatingPhysician) {}

  public record AccessibleDmpListAnswer(
      @JsonProperty("AccessibleDmps") List<AccessibleDmp> accessibleDmps) {}

  /** {@code CivilStatus}. */
  public record CivilStatus(
      @JsonProperty("i_gender") int gender,
      @JsonProperty("s_given") String given,
      @JsonProperty("s_name") String name) {}

  /** {@code ExtendedCivilStatus}. */
  public record ExtendedCivilStatus(
      @JsonProperty("CivilStatus") CivilStatus civilStatus,
      @JsonProperty("i_sex") int sex,
      @JsonProperty("s_birthCountry") String birthCountry,
      @JsonProperty("s_birthDay") String birthDay,
      @JsonProperty("s_birthName") String birthName) {}

  /** {@code ContactDetails}. */
  public record ContactDetails(
      @JsonProperty("s_address") String address,
      @JsonProperty("s_addressComplement") String addressComplement,
      @JsonProperty("s_city") String city,
      @JsonProperty("s_landlinePhone") String landlinePhone,
      @JsonProperty("s_mail") String mail,
      @JsonProperty("s_mobilePhone") String mobilePhone,
      @JsonProperty("s_postalCode") String postalCode) {}

  /** {@code ExtendedContactDetails}. */
  public record ExtendedContactDetails(
      @JsonProperty("ContactDetails") ContactDetails contactDetails,
      @JsonProperty("s_country") String country) {}

  /** {@code PatientData}. */
  public record PatientData(
      @JsonProperty("Ins") Ins ins,
      @JsonProperty("ExtendedCivilStatus") ExtendedCivilStatus extendedCivilStatus,
      @JsonProperty("ExtendedContactDetails") ExtendedContactDetails extendedContactDetails) {}

  /** {@code PatientOppositions}. */
  public record PatientOppositions(
      @JsonProperty("i_brisDeGlaceOpposition") int brisDeGlaceOpposition,
      @JsonProperty("i_centre15Opposition") int centre15Opposition) {}

  /** Answer of {@code hl_getDmpAdministrativeData} (TD1.3a); {@code i_guardian} is GuardianStatus. */
  public record AdministrativeDataAnswer(
      @JsonProperty("PatientData") PatientData patientData,
      @JsonProperty("PatientOppositions") PatientOppositions patientOppositions,
      @JsonProperty("i_guardian") int guardian) {}

  /** {@code hl_getDmpAuthorizationsList} (TD1.6): type 1 all, 2 authorised, 3 denied. */
  public record AuthorizationsListInput(
      @Required @JsonProperty("s_ins") String ins,
      @JsonProperty("i_authorizationType") Integer authorizationType) {}

  /** One item of {@code AuthorizationList}. */
  public record Authorization(
      @JsonProperty("s_nationalId") String nationalId,
      @JsonProperty("s_nationalIdType") String nationalIdType,
      @JsonProperty("s_name") String name,
      @JsonProperty("s_given") String given,
      @JsonProperty("s_specialityCode") String specialityCode,
      @JsonProperty("s_speciality") String speciality,
      @JsonProperty("s_authorizationStart") String authorizationStart,
      @JsonProperty("s_lastActionDate") String lastActionDate,
      @JsonProperty("i_authorizationType") int authorizationType,
      @JsonProperty("i_generalPractitionner") int generalPractitionner) {}

  public record AuthorizationsListAnswer(
      @JsonProperty("AuthorizationList") List<Authorization> authorizationList) {}

  /** {@code hl_getWebPsDmpUrls} (TD0.9). */
  public record WebPsUrlsInput(@Required @JsonProperty("s_ins") String ins) {}

  /** The eight Web-PS pages, in the documented order. */
  public record WebPsUrlsAnswer(@JsonProperty("Urls") List<String> urls) {}

  // ---------------------------------------------------------------- documents

  /** An event code: classification ("CCAM", "CIM_10"…), code and description. */
  public record EventCode(
      @JsonProperty("s_classification") String classification,
      @JsonProperty("s_code") String code,
      @JsonProperty("s_description") String description) {}

  /**
   * {@code hl_sendDocument} (TD2.1). {@code s_eventCodes} is kept as JSON: the documentation calls
   * it a string, the examples send an array of {@link EventCode}. {@code Informants}, {@code
   * TreatingPhysician} and {@code AdditionalAuthors} are accepted and not sent on.
   */
  public record SendDocumentInput(
      @Required @JsonProperty("s_ins") String ins,
      @Required @Base64Value @JsonProperty("s_fileContentBase64") String fileContentBase64,
      @Required @JsonProperty("s_documentTitle") String documentTitle,
      @JsonProperty("s_documentDescription") String documentDescription,
      @Required @JsonProperty("s_documentCategory") String documentCategory,
      @JsonProperty("i_documentVisibility") Integer documentVisibility,
      @Required @JsonProperty("i_documentFormat") Integer documentFormat,
      @Required @JsonProperty("s_healthcareSetting") String healthcareSetting,
      @JsonProperty("s_replacedDocumentUniqueId") String replacedDocumentUniqueId,
      @JsonProperty("s_submissionSetTitle") String submissionSetTitle,
      @JsonProperty("s_submissionSetDescription") String submissionSetDescription,
      @JsonProperty("s_localPatientId") String localPatientId,
      @JsonProperty("s_eventCodes") JsonNode eventCodes,
      @JsonProperty("Informants") JsonNode informants,
      @JsonProperty("TreatingPhysician") JsonNode treatingPhysician,
      @JsonProperty("AdditionalAuthors") JsonNode additionalAuthors,
      @JsonProperty("i_transcodeTypeCode") Integer transcodeTypeCode,
      @JsonProperty("i_forceSchematronsValidation") Integer forceSchematronsValidation) {

    @Override
    public String toString() {
      return "SendDocumentInput[category=" + documentCategory + ", format=" + documentFormat
          + ", " + (fileContentBase64 == null ? 0 : fileContentBase64.length()) + " base64 chars]";
    }
  }

  /** Answer of {@code hl_sendDocument}: the new document's uniqueId (and its entryUUID). */
  public record SendDocumentAnswer(
      @JsonProperty("s_uniqueId") String uniqueId, @JsonProperty("s_uuid") String uuid) {}

  /**
   * {@code hl_findDocuments} (TD3.1). The lists are objects keyed "#0", "#1"… as the wrapper sends
   * them (arrays are accepted too).
   */
  public record FindDocumentsInput(
      @JsonProperty("s_ins") String ins,
      @JsonProperty("Ins") Ins insObject,
      @JsonProperty("Categories") JsonNode categories,
      @JsonProperty("Formats") JsonNode formats,
      @JsonProperty("Practices") JsonNode practices,
      @JsonProperty("s_serviceStartDateTop") String serviceStartDateTop,
      @JsonProperty("s_serviceStartDateBottom") String serviceStartDateBottom,
      @JsonProperty("s_serviceStopDateTop") String serviceStopDateTop,
      @JsonProperty("s_serviceStopDateBottom") String serviceStopDateBottom,
      @JsonProperty("s_creationDateTop") String creationDateTop,
      @JsonProperty("s_creationDateBottom") String creationDateBottom,
      @JsonProperty("s_submissionDateTop") String submissionDateTop,
      @JsonProperty("s_submissionDateBottom") String submissionDateBottom,
      @JsonProperty("i_status") Integer status,
      @JsonProperty("i_visibility") Integer visibility,
      @JsonProperty("i_disableMetadataSearch") Integer disableMetadataSearch) {

    /** The INS from either form, or null. */
    public String insValue() {
      return new PatientInput(ins, insObject).insValue();
    }
  }

  /** An author of a found document. */
  public record DocumentAuthor(
      @JsonProperty("i_handle") int handle,
      @JsonProperty("i_hpAuthenticationMode") int hpAuthenticationMode,
      @JsonProperty("s_hpGiven") String hpGiven,
      @JsonProperty("s_hpInternalId") String hpInternalId,
      @JsonProperty("s_hpName") String hpName,
      @JsonProperty("s_hpProfession") String hpProfession,
      @JsonProperty("s_hpProfessionOid") String hpProfessionOid,
      @JsonProperty("s_hpProfessionDescription") String hpProfessionDescription,
      @JsonProperty("s_hpSpeciality") String hpSpeciality,
      @JsonProperty("s_hpSpecialityDescription") String hpSpecialityDescription) {}

  /** One item of {@code Documents} in the {@code hl_findDocuments} answer. */
  public record FoundDocument(
      @JsonProperty("Authors") List<DocumentAuthor> authors,
      @JsonProperty("EventCodes") List<EventCode> eventCodes,
      @JsonProperty("i_document_Format") int documentFormat,
      @JsonProperty("i_document_Status") int documentStatus,
      @JsonProperty("i_document_Visibility") int documentVisibility,
      @JsonProperty("i_handle") int handle,
      @JsonProperty("s_classCode") String classCode,
      @JsonProperty("s_creationDate") String creationDate,
      @JsonProperty("s_description") String description,
      @JsonProperty("s_healthCareFacilityTypeCode") String healthCareFacilityTypeCode,
      @JsonProperty("s_nextUUId") String nextUuid,
      @JsonProperty("s_practiceSettingCode") String practiceSettingCode,
      @JsonProperty("s_previousUUId") String previousUuid,
      @JsonProperty("s_serviceStartDate") String serviceStartDate,
      @JsonProperty("s_serviceStopDate") String serviceStopDate,
      @JsonProperty("s_submissionDate") String submissionDate,
      @JsonProperty("s_title") String title,
      @JsonProperty("s_typeCode") String typeCode,
      @JsonProperty("s_uniqueId") String uniqueId,
      @JsonProperty("s_uuid") String uuid) {}

  public record FindDocumentsAnswer(@JsonProperty("Documents") List<FoundDocument> documents) {}

  /** {@code hl_getDocumentContent} (TD3.2), by the handle of the last search. */
  public record DocumentContentInput(
      @Required @JsonProperty("i_documentHandle") Integer documentHandle,
      @JsonProperty("i_getCdaHeaders") Integer getCdaHeaders,
      @JsonProperty("i_getPerformer") Integer getPerformer) {}

  /** {@code hl_getDocumentContentByUniqueId} (TD3.2). */
  public record DocumentContentByUniqueIdInput(
      @Required @JsonProperty("s_ins") String ins,
      @Required @JsonProperty("s_documentUniqueId") String documentUniqueId,
      @JsonProperty("s_documentUuid") String documentUuid,
      @JsonProperty("i_getCdaHeaders") Integer getCdaHeaders,
      @JsonProperty("i_getPerformer") Integer getPerformer) {}

  /** The HP of a performer. */
  public record PerformerHp(
      @JsonProperty("s_hpName") String hpName,
      @JsonProperty("s_hpGiven") String hpGiven,
      @JsonProperty("s_hpInternalId") String hpInternalId,
      @JsonProperty("i_hpInternalIdType") int hpInternalIdType,
      @JsonProperty("s_hpProfession") String hpProfession,
      @JsonProperty("s_hpProfessionOid") String hpProfessionOid,
      @JsonProperty("s_hpSpeciality") String hpSpeciality,
      @JsonProperty("s_hpInstitution") String hpInstitution) {}

  /** {@code Performer}: the HP and PerformerRole (1 actor, 2 main actor, 3 assistant). */
  public record Performer(@JsonProperty("Hp") PerformerHp hp, @JsonProperty("i_role") int role) {}

  /** Answer of both TD3.2 commands. */
  public record DocumentContentAnswer(
      @JsonProperty("s_fileContentInBase64") String fileContentInBase64,
      @JsonProperty("s_cdaHeadersInBase64") String cdaHeadersInBase64,
      @JsonProperty("i_documentFormat") int documentFormat,
      @JsonProperty("Performer") Performer performer) {

    @Override
    public String toString() {
      return "DocumentContentAnswer[format=" + documentFormat + ", "
          + (fileContentInBase64 == null ? 0 : fileContentInBase64.length()) + " base64 chars]";
    }
  }

  /** {@code hl_updateDocumentVisibilityByUniqueId} (TD3.3a/b); DocumentVisibility bit flags. */
  public record UpdateVisibilityByUniqueIdInput(
      @Required @JsonProperty("s_ins") String ins,
      @Required @JsonProperty("s_documentUniqueId") String documentUniqueId,
      @JsonProperty("s_documentUuid") String documentUuid,
      @JsonProperty("s_healthCareSettings") String healthCareSettings,
      @Required @JsonProperty("i_newVisibility") Integer newVisibility) {}

  /** {@code hl_updateDocumentStatusByUniqueId} (TD3.3d): archives an approved document, or the reverse. */
  public record UpdateStatusByUniqueIdInput(
      @Required @JsonProperty("s_ins") String ins,
      @Required @JsonProperty("s_documentUniqueId") String documentUniqueId,
      @JsonProperty("s_documentUuid") String documentUuid,
      @JsonProperty("s_healthCareSettings") String healthCareSettings) {}

  /** {@code hl_deleteDocument} (TD3.3c). */
  public record DeleteDocumentInput(
      @Required @JsonProperty("s_uniqueId") String uniqueId,
      @Required @JsonProperty("s_ins") String ins,
      @JsonProperty("s_healthCareSettings") String healthCareSettings) {}
}
