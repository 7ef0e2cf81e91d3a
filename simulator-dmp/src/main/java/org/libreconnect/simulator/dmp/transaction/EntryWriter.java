package org.libreconnect.simulator.dmp.transaction;

import java.util.List;
import java.util.UUID;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.XmlWriter;
import org.libreconnect.simulator.dmp.store.Code;
import org.libreconnect.simulator.dmp.store.DocumentMetadata;
import org.libreconnect.simulator.dmp.store.StoredDocument;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes a stored document entry as the registry returns it: an ebRIM {@code ExtrinsicObject}. */
final class EntryWriter {
  private final XmlWriter rim;

  EntryWriter(Document document) {
    this.rim = new XmlWriter(document, Namespaces.RIM, "rim");
  }

  Element write(Element parent, StoredDocument entry) {
    DocumentMetadata m = entry.metadata();
    String id = entry.entryUuid();
    Element object = rim.add(parent, "ExtrinsicObject", "id", id, "lid", id, "isOpaque", "false",
        "mimeType", m.mimeType(), "objectType", XdsIds.DOCUMENT_ENTRY,
        "status", entry.status().uri());
    slot(object, "creationTime", m.creationTime());
    slot(object, "hash", entry.hash());
    slot(object, "languageCode", m.languageCode());
    slot(object, "legalAuthenticator", m.legalAuthenticator());
    slot(object, "repositoryUniqueId", XdsIds.REPOSITORY_UNIQUE_ID);
    slot(object, "serviceStartTime", m.serviceStartTime());
    slot(object, "serviceStopTime", m.serviceStopTime());
    slot(object, "size", Long.toString(entry.size()));
    slot(object, "sourcePatientId", m.sourcePatientId());
    slot(object, "sourcePatientInfo", m.sourcePatientInfo().toArray(String[]::new));
    if (!m.referenceIds().isEmpty()) {
      slot(object, XdsIds.REFERENCE_ID_LIST, m.referenceIds().toArray(String[]::new));
    }
    localized(object, "Name", m.title());
    if (m.description() != null) {
      localized(object, "Description", m.description());
    }
    rim.add(object, "VersionInfo", "versionName", Integer.toString(entry.version()));
    Element author = classification(object, XdsIds.AUTHOR, id, "");
    slot(author, "authorInstitution", m.author().institution());
    slot(author, "authorPerson", m.author().person());
    slot(author, "authorSpecialty", m.author().specialty());
    code(object, XdsIds.CLASS_CODE, id, m.classCode());
    for (Code code : m.confidentiality()) {
      code(object, XdsIds.CONFIDENTIALITY, id, code);
    }
    for (Code code : m.eventCodes()) {
      code(object, XdsIds.EVENT_CODE, id, code);
    }
    code(object, XdsIds.FORMAT_CODE, id, m.formatCode());
    code(object, XdsIds.FACILITY_TYPE, id, m.facilityType());
    code(object, XdsIds.PRACTICE_SETTING, id, m.practiceSetting());
    code(object, XdsIds.TYPE_CODE, id, m.typeCode());
    identifier(object, XdsIds.ENTRY_PATIENT_ID, id, m.patient().cx(), "XDSDocumentEntry.patientId");
    identifier(object, XdsIds.ENTRY_UNIQUE_ID, id, m.uniqueId(), "XDSDocumentEntry.uniqueId");
    return object;
  }

  private void slot(Element parent, String name, String... values) {
    List<String> present = java.util.Arrays.stream(values).filter(v -> v != null).toList();
    if (present.isEmpty()) {
      return;
    }
    Element list = rim.add(rim.add(parent, "Slot", "name", name), "ValueList");
    for (String value : present) {
      rim.text(list, "Value", value);
    }
  }

  private void localized(Element parent, String element, String value) {
    Element string = rim.add(rim.add(parent, element), "LocalizedString", "charset", "UTF8",
        "value", value);
    string.setAttributeNS(Namespaces.XML, "xml:lang", "FR");
  }

  private Element classification(Element object, String scheme, String id, String node) {
    return rim.add(object, "Classification", "classificationScheme", scheme,
        "classifiedObject", id, "id", "urn:uuid:" + UUID.randomUUID(),
        "nodeRepresentation", node);
  }

  private void code(Element object, String scheme, String id, Code code) {
    Element classification = classification(object, scheme, id, code.code());
    slot(classification, "codingScheme", code.scheme());
    if (!code.label().isEmpty()) {
      localized(classification, "Name", code.label());
    }
  }

  private void identifier(Element object, String scheme, String id, String value, String label) {
    Element identifier = rim.add(object, "ExternalIdentifier",
        "id", "urn:uuid:" + UUID.randomUUID(), "identificationScheme", scheme,
        "registryObject", id, "value", value);
    localized(identifier, "Name", label);
  }
}
