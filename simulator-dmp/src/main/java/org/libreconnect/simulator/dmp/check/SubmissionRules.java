package org.libreconnect.simulator.dmp.check;

import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.store.Code;
import org.libreconnect.simulator.dmp.store.DocumentMetadata;
import org.w3c.dom.Element;

/**
 * The rules of the ANS mapping of XDS metadata (CI-SIS "volet transmission de documents", the
 * table ansforge/IG-hl7v2-volet-transmission-document-cda-r2 {@code mapping.md}) that a TD2.1
 * document entry must follow beyond the schema: slots marked required, and codes taken from their
 * value sets (JDV_J01, J02, J04, J08). Every refusal is an {@code XDSRegistryMetadataError}.
 */
public final class SubmissionRules {
  private static final String AUTHOR_SCHEME = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";

  private final CodeLists codes;
  private final TypeClassTable classes;

  /** Rules checking codes against {@code codes} and the ASS_X04 table. */
  public SubmissionRules(CodeLists codes) {
    this(codes, TypeClassTable.shipped());
  }

  /** Rules checking codes against {@code codes} and typeCode → classCode against {@code classes}. */
  public SubmissionRules(CodeLists codes, TypeClassTable classes) {
    this.codes = codes;
    this.classes = classes;
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
    checkClass(metadata, where);
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
    checkSpecialty(metadata.author().specialty(), where);
  }

  /** Checks every author of the entry {@code object} (the metadata keeps only the first). */
  public void checkAuthors(Element object) {
    String where = " (ExtrinsicObject " + object.getAttribute("id") + ")";
    for (Element classification : Xml.children(object, Namespaces.RIM, "Classification")) {
      if (!AUTHOR_SCHEME.equals(classification.getAttribute("classificationScheme"))) {
        continue;
      }
      for (Element slot : Xml.children(classification, Namespaces.RIM, "Slot")) {
        if ("authorSpecialty".equals(slot.getAttribute("name"))) {
          for (Element value : Xml.descendants(slot, Namespaces.RIM, "Value")) {
            checkSpecialty(Xml.text(value), where);
          }
        }
      }
    }
  }

  /**
   * classCode is derived from typeCode by ASS_X04 (ANS mapping of XDS metadata, "classCode est
   * déduit du CDA (champ code) selon la table de correspondance ASS_X04"): a typeCode outside the
   * table, or a classCode other than the table's, is refused.
   */
  private void checkClass(DocumentMetadata metadata, String where) {
    Code type = metadata.typeCode();
    Code expected = type == null ? null : classes.classOf(type.code(), type.scheme()).orElse(null);
    if (expected == null) {
      throw refused("typeCode hors de la table ASS_X04-CorrespondanceType-Classe" + where);
    }
    Code actual = metadata.classCode();
    if (actual == null || !expected.code().equals(actual.code()) || !expected.scheme().equals(actual.scheme())) {
      throw refused("classCode incohérent avec le typeCode (table ASS_X04-CorrespondanceType-Classe : "
          + expected.code() + " " + expected.label() + ")" + where);
    }
  }

  private void checkSpecialty(String specialty, String where) {
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
