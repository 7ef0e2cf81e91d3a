package org.libreconnect.simulator.dmp.transaction;

import java.util.List;
import java.util.Optional;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.store.Author;
import org.libreconnect.simulator.dmp.store.Code;
import org.libreconnect.simulator.dmp.store.DocumentMetadata;
import org.libreconnect.simulator.dmp.store.Ins;
import org.w3c.dom.Element;

/**
 * A document entry as a client submits it (an {@code ExtrinsicObject} of TD2.1 or TD3.3).
 *
 * @param id the object's id in the submission (symbolic or {@code urn:uuid:})
 * @param lid its logical id, the entryUUID it updates (TD3.3), if any
 * @param metadata the metadata read from it
 * @param declaredHash the {@code hash} slot, if given
 * @param declaredSize the {@code size} slot, if given
 */
record SubmittedEntry(
    String id,
    Optional<String> lid,
    DocumentMetadata metadata,
    Optional<String> declaredHash,
    Optional<Long> declaredSize) {

  /** Reads {@code object}; refused with {@code XDSRegistryMetadataError} when incomplete. */
  static SubmittedEntry read(Element object) {
    String id = object.getAttribute("id");
    String where = " (ExtrinsicObject " + id + ")";
    Ins patient = Ins.parseCx(RegistryObjects.externalIdentifier(object, XdsIds.ENTRY_PATIENT_ID)
        .orElseThrow(() -> missing("XDSDocumentEntry.patientId", where)))
        .orElseThrow(() -> new DmpException(DmpError.XDS_REGISTRY_METADATA,
            "XDSDocumentEntry.patientId n'est pas un INS" + where));
    String uniqueId = RegistryObjects.externalIdentifier(object, XdsIds.ENTRY_UNIQUE_ID)
        .filter(value -> !value.isEmpty())
        .orElseThrow(() -> missing("XDSDocumentEntry.uniqueId", where));
    List<Element> authors = RegistryObjects.classifications(object, XdsIds.AUTHOR);
    if (authors.isEmpty()) {
      throw missing("author", where);
    }
    Element author = authors.get(0);
    List<Code> confidentiality = RegistryObjects.codes(object, XdsIds.CONFIDENTIALITY);
    if (confidentiality.isEmpty()) {
      throw missing("confidentialityCode", where);
    }
    String mimeType = object.getAttribute("mimeType");
    if (mimeType.isBlank()) {
      throw missing("mimeType", where);
    }
    DocumentMetadata metadata = new DocumentMetadata(uniqueId, patient,
        RegistryObjects.name(object).orElse(""),
        RegistryObjects.description(object).orElse(null), mimeType,
        RegistryObjects.slotValue(object, "languageCode").orElse("fr-FR"),
        RegistryObjects.slotValue(object, "creationTime")
            .orElseThrow(() -> missing("creationTime", where)),
        RegistryObjects.slotValue(object, "serviceStartTime").orElse(null),
        RegistryObjects.slotValue(object, "serviceStopTime").orElse(null),
        one(object, XdsIds.CLASS_CODE, "classCode", where),
        one(object, XdsIds.TYPE_CODE, "typeCode", where),
        one(object, XdsIds.FORMAT_CODE, "formatCode", where),
        one(object, XdsIds.PRACTICE_SETTING, "practiceSettingCode", where),
        one(object, XdsIds.FACILITY_TYPE, "healthcareFacilityTypeCode", where),
        confidentiality, RegistryObjects.codes(object, XdsIds.EVENT_CODE),
        new Author(RegistryObjects.slotValue(author, "authorPerson").orElse(null),
            RegistryObjects.slotValue(author, "authorInstitution").orElse(null),
            RegistryObjects.slotValue(author, "authorSpecialty").orElse(null)),
        RegistryObjects.slotValue(object, "legalAuthenticator").orElse(null),
        RegistryObjects.slotValue(object, "sourcePatientId").orElse(null),
        RegistryObjects.slot(object, "sourcePatientInfo"),
        RegistryObjects.slot(object, XdsIds.REFERENCE_ID_LIST));
    Optional<Long> size;
    try {
      size = RegistryObjects.slotValue(object, "size").map(Long::parseLong);
    } catch (NumberFormatException e) {
      throw new DmpException(DmpError.XDS_REGISTRY_METADATA, "size n'est pas un nombre" + where);
    }
    return new SubmittedEntry(id, Optional.ofNullable(object.getAttribute("lid"))
        .filter(lid -> !lid.isBlank()), metadata,
        RegistryObjects.slotValue(object, "hash"), size);
  }

  private static Code one(Element object, String scheme, String name, String where) {
    return RegistryObjects.codes(object, scheme).stream().findFirst()
        .orElseThrow(() -> missing(name, where));
  }

  private static DmpException missing(String name, String where) {
    return new DmpException(DmpError.XDS_REGISTRY_METADATA,
        "Métadonnée obligatoire absente : " + name + where);
  }
}
