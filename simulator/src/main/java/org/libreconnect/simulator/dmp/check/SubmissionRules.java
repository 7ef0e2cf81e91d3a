package org.libreconnect.simulator.dmp.check;

import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.store.Code;
import org.libreconnect.simulator.dmp.store.DocumentMetadata;

/**
 * The rules of the ANS mapping of XDS metadata (CI-SIS "volet transmission de documents", the
 * table ansforge/IG-hl7v2-volet-transmission-document-cda-r2 {@code mapping.md}) that a TD2.1
 * document entry must follow beyond the schema: slots marked required, and codes taken from their
 * value sets (JDV_J01, J02, J04, J08). Every refusal is an {@code XDSRegistryMetadataError}.
 */
public final class SubmissionRules {
  private final CodeLists codes;

  /** Rules checking codes against {@code codes}. */
  public SubmissionRules(CodeLists codes) {
    this.codes = codes;
  }

  /** Checks the entry {@code id} read as {@code metadata}. */
  public void check(String id, DocumentMetadata metadata) {
    String where = " (ExtrinsicObject " + id + ")";
    if (blank(metadata.sourcePatientId())) {
      throw refused("Métadonnée obligatoire absente : sourcePatientId" + where);
    }
    if (blank(metadata.legalAuthenticator())) {
      throw refused("Métadonnée obligatoire absente : legalAuthenticator" + where);
    }
    Code facility = metadata.facilityType();
    if (!codes.isFacilityType(facility.code(), facility.scheme())) {
      throw refused("healthcareFacilityTypeCode hors de JDV_J02-XdsHealthcareFacilityTypeCode"
          + where);
    }
    Code setting = metadata.practiceSetting();
    if (!codes.isPracticeSetting(setting.code(), setting.scheme())) {
      throw refused("practiceSettingCode hors de JDV_J04-XdsPracticeSettingCode" + where);
    }
    for (Code confidentiality : metadata.confidentiality()) {
      if (!codes.isConfidentiality(confidentiality.code(), confidentiality.scheme())) {
        throw refused("confidentialityCode hors de JDV_J08-XdsConfidentialityCode" + where);
      }
    }
    String specialty = metadata.author().specialty();
    if (specialty != null && !specialty.isBlank()) {
      String[] parts = specialty.split("\\^", -1);
      if (parts.length < 3 || !codes.isAuthorSpecialty(parts[0], parts[2])) {
        throw refused("authorSpecialty hors de JDV_J01-XdsAuthorSpecialty" + where);
      }
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static DmpException refused(String text) {
    return new DmpException(DmpError.XDS_REGISTRY_METADATA, text);
  }
}
