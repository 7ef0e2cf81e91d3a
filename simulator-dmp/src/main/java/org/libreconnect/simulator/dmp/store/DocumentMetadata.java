package org.libreconnect.simulator.dmp.store;

import java.util.List;
import java.util.Objects;

/**
 * The XDS metadata of a document entry that the registry keeps (dmp.md §2.6).
 *
 * @param uniqueId the document's uniqueId (an OID), what TD3.2 asks for
 * @param patient the patient's INS
 * @param title the title (Name)
 * @param description the comment (Description), or null
 * @param mimeType the media type, such as {@code text/xml}
 * @param languageCode such as {@code fr-FR}
 * @param creationTime {@code yyyyMMddHHmmss}
 * @param serviceStartTime {@code yyyyMMddHHmmss}, or null
 * @param serviceStopTime {@code yyyyMMddHHmmss}, or null
 * @param classCode the class code
 * @param typeCode the type code (LOINC)
 * @param formatCode the format code
 * @param practiceSetting the practice setting code
 * @param facilityType the healthcare facility type code
 * @param confidentiality the confidentiality codes (N and DMP flags)
 * @param eventCodes the event codes (may be empty)
 * @param author the author
 * @param legalAuthenticator the legal authenticator XCN, or null
 * @param sourcePatientId the sourcePatientId slot, or null
 * @param sourcePatientInfo the sourcePatientInfo values (may be empty)
 * @param referenceIds the referenceIdList values (may be empty)
 */
public record DocumentMetadata(
    String uniqueId,
    Ins patient,
    String title,
    String description,
    String mimeType,
    String languageCode,
    String creationTime,
    String serviceStartTime,
    String serviceStopTime,
    Code classCode,
    Code typeCode,
    Code formatCode,
    Code practiceSetting,
    Code facilityType,
    List<Code> confidentiality,
    List<Code> eventCodes,
    Author author,
    String legalAuthenticator,
    String sourcePatientId,
    List<String> sourcePatientInfo,
    List<String> referenceIds) {

  public DocumentMetadata {
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(author, "author");
    title = title == null ? "" : title;
    languageCode = languageCode == null ? "fr-FR" : languageCode;
    confidentiality = List.copyOf(confidentiality);
    eventCodes = List.copyOf(eventCodes);
    sourcePatientInfo = List.copyOf(sourcePatientInfo);
    referenceIds = List.copyOf(referenceIds);
  }

  /** Whether the confidentiality codes include {@code flag}, such as {@code MASQUE_PS}. */
  public boolean hasConfidentiality(String flag) {
    return confidentiality.stream().anyMatch(code -> code.code().equals(flag));
  }

  /** These metadata with other confidentiality codes. */
  public DocumentMetadata withConfidentiality(List<Code> codes) {
    return new DocumentMetadata(uniqueId, patient, title, description, mimeType, languageCode,
        creationTime, serviceStartTime, serviceStopTime, classCode, typeCode, formatCode,
        practiceSetting, facilityType, codes, eventCodes, author, legalAuthenticator,
        sourcePatientId, sourcePatientInfo, referenceIds);
  }
}
