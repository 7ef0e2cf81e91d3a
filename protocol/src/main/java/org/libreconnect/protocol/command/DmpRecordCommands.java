package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.libreconnect.protocol.Required;
import org.libreconnect.protocol.command.DmpCommands.CivilStatus;
import org.libreconnect.protocol.command.DmpCommands.ContactDetails;
import org.libreconnect.protocol.command.DmpCommands.ExtendedCivilStatus;
import org.libreconnect.protocol.command.DmpCommands.ExtendedContactDetails;
import org.libreconnect.protocol.command.DmpCommands.Ins;
import org.libreconnect.protocol.command.DmpCommands.PatientOppositions;

/**
 * The DMP commands about the record itself and its paperwork (protocol spec section 2.8): identity
 * look-ups, the search for a patient without INS (TD0.5), creation, reactivation, update and
 * closing of a DMP (TD1.1 to TD1.4), several documents in one submission set, document updates
 * by handle, the patient's PDFs and the connector's parameters. Unknown keys are ignored, so a
 * client may send back a whole previous answer ({@code s_status} included) as {@code
 * hl_updateDmpAdministrativeData} expects.
 */
public final class DmpRecordCommands {
  private DmpRecordCommands() {}

  /** Adds the commands of this group to {@code b}. */
  static void register(CommandCatalogue.Builder b) {
    b.worker("hl_getCertifiedIdentity", CertifiedIdentityInput.class);
    b.worker("hl_getInsNirFromInsC", InsNirFromInsCInput.class);
    b.worker("hl_findPatients", FindPatientsInput.class);
    b.worker("hl_setWebPsRootUrl", WebPsRootUrlInput.class);
    b.worker("hl_createDmp", DmpAdministrativeDataInput.class);
    b.worker("hl_createDmpAndOtp", DmpAdministrativeDataInput.class);
    b.worker("hl_reactivateDmp", ReactivateDmpInput.class);
    b.worker("hl_updateDmpAdministrativeData", DmpAdministrativeDataInput.class);
    b.worker("hl_closeDmp", CloseDmpInput.class);
    b.worker("hl_sendDocuments", SendDocumentsInput.class);
    b.worker("hl_updateDocumentVisibility", UpdateVisibilityInput.class);
    b.worker("hl_updateDocumentStatus", UpdateStatusInput.class);
    b.worker("hl_getOtpChannelValue", OtpChannelValueInput.class);
    b.worker("hl_getPatientWebAccessPdf", PatientWebAccessPdfInput.class);
    b.worker("hl_createAcknowledgementPdf", AcknowledgementPdfInput.class);
    b.worker("hl_getMajorityAge", NoInput.class);
    b.worker("hl_getDmpParameters", NoInput.class);
  }

  // ---------------------------------------------------------------- identities

  /** {@code hl_getCertifiedIdentity} (TD0.0, INS-C acquisition; the service closed on 30/09/2023). */
  public record CertifiedIdentityInput(
      @JsonProperty("s_nirOD") String nirOd,
      @JsonProperty("s_birthDate") String birthDate,
      @JsonProperty("i_birthRank") Integer birthRank,
      @JsonProperty("s_nirIndividu") String nirIndividu) {}

  /** {@code hl_getInsNirFromInsC}. */
  public record InsNirFromInsCInput(@Required @JsonProperty("s_insC") String insC) {}

  /** {@code hl_findPatients} (TD0.5, PDQ search without INS; régulation only). */
  public record FindPatientsInput(
      @Required @JsonProperty("s_name") String name,
      @JsonProperty("s_givenName") String givenName,
      @JsonProperty("s_birthday") String birthday,
      @JsonProperty("s_city") String city,
      @JsonProperty("s_postalCode") String postalCode,
      @JsonProperty("i_sex") Integer sex,
      @Required @JsonProperty("i_approxName") Integer approxName,
      @Required @JsonProperty("i_approxCity") Integer approxCity) {}

  /** One patient found by TD0.5. */
  public record FoundPatient(
      @JsonProperty("s_ins") String ins,
      @JsonProperty("s_insType") String insType,
      @JsonProperty("s_patientName") String patientName,
      @JsonProperty("s_patientGivenName") String patientGivenName,
      @JsonProperty("s_birthName") String birthName,
      @JsonProperty("s_birthday") String birthday,
      @JsonProperty("i_sex") int sex,
      @JsonProperty("s_city") String city,
      @JsonProperty("s_postalCode") String postalCode) {}

  /** Answer of {@code hl_findPatients}. */
  public record FindPatientsAnswer(@JsonProperty("Patients") List<FoundPatient> patients) {}

  /** {@code hl_setWebPsRootUrl}: "" (or no {@code s_url}) goes back to the DMP's own Web-PS host. */
  public record WebPsRootUrlInput(@JsonProperty("s_url") String url) {}

  // ---------------------------------------------------------------- the record

  /** {@code PatientData} as clients send it: the INS as {@code s_ins} or as an {@code Ins} object. */
  public record PatientDataInput(
      @JsonProperty("s_ins") String ins,
      @JsonProperty("Ins") Ins insObject,
      @JsonProperty("ExtendedCivilStatus") ExtendedCivilStatus extendedCivilStatus,
      @JsonProperty("ExtendedContactDetails") ExtendedContactDetails extendedContactDetails) {

    /** The INS from either form, or null. */
    public String insValue() {
      return new DmpCommands.PatientInput(ins, insObject).insValue();
    }
  }

  /** {@code GuardianData}: the legal representative. */
  public record GuardianData(
      @JsonProperty("i_role") Integer role,
      @JsonProperty("CivilStatus") CivilStatus civilStatus,
      @JsonProperty("ContactDetails") ContactDetails contactDetails) {}

  /** {@code VitaleData}: the names and birth date as read on the Vitale card (YYMMDD). */
  public record VitaleData(
      @JsonProperty("s_name") String name,
      @JsonProperty("s_birthName") String birthName,
      @JsonProperty("s_given") String given,
      @JsonProperty("s_birthDay") String birthDay) {}

  /** The {@code DmpAdministrativeData} object. */
  public record DmpAdministrativeData(
      @JsonProperty("PatientData") PatientDataInput patientData,
      @JsonProperty("PatientOppositions") PatientOppositions patientOppositions,
      @JsonProperty("PatientOppositionsStatus") PatientOppositions patientOppositionsStatus,
      @JsonProperty("i_guardian") Integer guardian,
      @JsonProperty("GuardianData") GuardianData guardianData) {

    /** The oppositions under either documented name, or none. */
    public PatientOppositions oppositions() {
      return patientOppositions != null ? patientOppositions : patientOppositionsStatus;
    }
  }

  /**
   * {@code hl_createDmp}, {@code hl_createDmpAndOtp} and {@code hl_updateDmpAdministrativeData}:
   * the administrative data wrapped in {@code DmpAdministrativeData}, or at the top level as the
   * {@code hl_getDmpAdministrativeData} answer carries them. {@link #toString()} shows no data.
   */
  public record DmpAdministrativeDataInput(
      @JsonProperty("DmpAdministrativeData") DmpAdministrativeData wrapped,
      @JsonProperty("PatientData") PatientDataInput patientData,
      @JsonProperty("PatientOppositions") PatientOppositions patientOppositions,
      @JsonProperty("PatientOppositionsStatus") PatientOppositions patientOppositionsStatus,
      @JsonProperty("i_guardian") Integer guardian,
      @JsonProperty("GuardianData") GuardianData guardianData,
      @JsonProperty("VitaleData") VitaleData vitaleData,
      @JsonProperty("i_returnAsFile") Integer returnAsFile) {

    /** The administrative data, from the wrapper object when there is one. */
    public DmpAdministrativeData data() {
      return wrapped != null ? wrapped
          : new DmpAdministrativeData(patientData, patientOppositions, patientOppositionsStatus,
              guardian, guardianData);
    }

    @Override
    public String toString() {
      return "DmpAdministrativeDataInput[wrapped=" + (wrapped != null) + "]";
    }
  }

  /** {@code hl_reactivateDmp} (TD1.2): the INS and the flat civil status and contact details. */
  public record ReactivateDmpInput(
      @Required @JsonProperty("s_ins") String ins,
      @JsonProperty("i_gender") Integer gender,
      @JsonProperty("s_given") String given,
      @JsonProperty("s_name") String name,
      @JsonProperty("i_sex") Integer sex,
      @JsonProperty("s_birthCountry") String birthCountry,
      @JsonProperty("s_birthDay") String birthDay,
      @JsonProperty("s_birthName") String birthName,
      @JsonProperty("s_address") String address,
      @JsonProperty("s_addressComplement") String addressComplement,
      @JsonProperty("s_city") String city,
      @JsonProperty("s_landlinePhone") String landlinePhone,
      @JsonProperty("s_mail") String mail,
      @JsonProperty("s_mobilePhone") String mobilePhone,
      @JsonProperty("s_postalCode") String postalCode,
      @JsonProperty("s_country") String country) {

    @Override
    public String toString() {
      return "ReactivateDmpInput[]";
    }
  }

  /** {@code hl_closeDmp} (TD1.4): {@code s_reason} is a closing reason such as FERMETURE_DEMANDE_PATIENT. */
  public record CloseDmpInput(
      @Required @JsonProperty("s_ins") String ins,
      @JsonProperty("s_reason") String reason,
      @JsonProperty("s_name") String name,
      @JsonProperty("s_given") String given) {}

  /** Answer of {@code hl_createDmpAndOtp}, {@code hl_getPatientWebAccessPdf} and {@code hl_createAcknowledgementPdf}. */
  public record PdfAnswer(
      @JsonProperty("s_pdfFileContentInBase64") String pdfFileContentInBase64,
      @JsonProperty("s_pdfFileUrl") String pdfFileUrl) {

    @Override
    public String toString() {
      return "PdfAnswer[" + (pdfFileContentInBase64 == null ? 0 : pdfFileContentInBase64.length())
          + " base64 chars]";
    }
  }

  // ---------------------------------------------------------------- documents

  /** One item of {@code Documents} in {@code hl_sendDocuments}. */
  public record DocumentToSend(
      @Required @JsonProperty("s_contentInBase64") String contentInBase64,
      @Required @JsonProperty("s_title") String title,
      @JsonProperty("s_description") String description,
      @Required @JsonProperty("s_category") String category,
      @JsonProperty("i_visibility") Integer visibility,
      @Required @JsonProperty("i_format") Integer format,
      @JsonProperty("s_replacedDocumentUniqueId") String replacedDocumentUniqueId,
      @JsonProperty("EventCodes") JsonNode eventCodes,
      @JsonProperty("s_creationDate") String creationDate,
      @JsonProperty("s_serviceStartDate") String serviceStartDate,
      @JsonProperty("s_serviceStopDate") String serviceStopDate,
      @JsonProperty("Informants") JsonNode informants,
      @JsonProperty("TreatingPhysician") JsonNode treatingPhysician,
      @JsonProperty("AdditionalAuthors") JsonNode additionalAuthors) {

    @Override
    public String toString() {
      return "DocumentToSend[category=" + category + ", format=" + format + "]";
    }
  }

  /** {@code hl_sendDocuments}: several documents in one submission set. */
  public record SendDocumentsInput(
      @Required @JsonProperty("s_ins") String ins,
      @Required @JsonProperty("s_healthcareSetting") String healthcareSetting,
      @Required @JsonProperty("Documents") List<DocumentToSend> documents,
      @JsonProperty("s_submissionSetTitle") String submissionSetTitle,
      @JsonProperty("s_submissionSetDescription") String submissionSetDescription,
      @JsonProperty("s_localPatientId") String localPatientId,
      @JsonProperty("i_transcodeTypeCode") Integer transcodeTypeCode,
      @JsonProperty("i_forceSchematronsValidation") Integer forceSchematronsValidation) {}

  /** Answer of {@code hl_sendDocuments}: the documents' uniqueIds, in the order sent. */
  public record SendDocumentsAnswer(@JsonProperty("UniqueIds") List<String> uniqueIds) {}

  /** {@code hl_updateDocumentVisibility} (TD3.3a/b), by the handle of the last search. */
  public record UpdateVisibilityInput(
      @Required @JsonProperty("i_document") Integer document,
      @JsonProperty("s_healthCareSettings") String healthCareSettings,
      @Required @JsonProperty("i_newVisibility") Integer newVisibility) {}

  /** {@code hl_updateDocumentStatus} (TD3.3d), by the handle of the last search. */
  public record UpdateStatusInput(
      @Required @JsonProperty("i_document") Integer document,
      @JsonProperty("s_healthCareSettings") String healthCareSettings) {}

  // ---------------------------------------------------------------- patient web access, PDFs, parameters

  /** {@code hl_getOtpChannelValue}: channel 1 SMS (mobile phone), 2 e-mail. */
  public record OtpChannelValueInput(
      @Required @JsonProperty("s_ins") String ins,
      @Required @JsonProperty("i_otpChannelType") Integer otpChannelType) {}

  /** Answer of {@code hl_getOtpChannelValue}. */
  public record OtpChannelValueAnswer(@JsonProperty("s_otpChannelValue") String otpChannelValue) {}

  /** {@code hl_getPatientWebAccessPdf}. */
  public record PatientWebAccessPdfInput(
      @Required @JsonProperty("s_ins") String ins,
      @JsonProperty("i_openPdfAfterCreation") Integer openPdfAfterCreation,
      @JsonProperty("s_otpPhone") String otpPhone,
      @JsonProperty("s_otpEmail") String otpEmail,
      @JsonProperty("i_returnAsFile") Integer returnAsFile) {

    @Override
    public String toString() {
      return "PatientWebAccessPdfInput[]";
    }
  }

  /** {@code hl_createAcknowledgementPdf}. */
  public record AcknowledgementPdfInput(
      @Required @JsonProperty("s_ins") String ins,
      @JsonProperty("i_returnAsFile") Integer returnAsFile,
      @JsonProperty("i_openPdfAfterCreation") Integer openPdfAfterCreation,
      @JsonProperty("CivilStatus") CivilStatus civilStatus) {}

  /** Answer of {@code hl_getMajorityAge}. */
  public record MajorityAgeAnswer(@JsonProperty("i_majorityAge") int majorityAge) {}

  /** Answer of {@code hl_getDmpParameters}: the connector's DMP settings. */
  public record DmpParametersAnswer(
      @JsonProperty("s_dmpUrl") String dmpUrl,
      @JsonProperty("s_environment") String environment,
      @JsonProperty("s_webPsRootUrl") String webPsRootUrl,
      @JsonProperty("s_practiceSetting") String practiceSetting,
      @JsonProperty("i_accessMode") int accessMode,
      @JsonProperty("i_secretConnection") int secretConnection,
      @JsonProperty("i_majorityAge") int majorityAge,
      @JsonProperty("s_instanceUniqueId") String instanceUniqueId) {}
}
