package org.libreconnect.simulator.dmp.transaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.FaultFactory;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.soap.XmlWriter;
import org.libreconnect.simulator.dmp.store.Code;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.DocumentMetadata;
import org.libreconnect.simulator.dmp.store.Ins;
import org.libreconnect.simulator.dmp.store.Patient;
import org.libreconnect.simulator.dmp.store.StoredDocument;
import org.libreconnect.simulator.dmp.vihf.Vihf;
import org.w3c.dom.Element;

/**
 * TD3.1 (ITI-18): the stored queries FindDocuments, FindDocumentsByReferenceId and GetDocuments
 * over the VIHF's patient's documents, with the usual code and time filters, answered as
 * {@code LeafClass} (full metadata) or {@code ObjectRef} (dmp.md §2.6).
 */
public final class StoredQueryHandler implements TransactionHandler {
  private static final Map<String, Function<DocumentMetadata, List<Code>>> CODE_FILTERS = Map.of(
      "$XDSDocumentEntryClassCode", m -> List.of(m.classCode()),
      "$XDSDocumentEntryTypeCode", m -> List.of(m.typeCode()),
      "$XDSDocumentEntryFormatCode", m -> List.of(m.formatCode()),
      "$XDSDocumentEntryPracticeSettingCode", m -> List.of(m.practiceSetting()),
      "$XDSDocumentEntryHealthcareFacilityTypeCode", m -> List.of(m.facilityType()),
      "$XDSDocumentEntryConfidentialityCode", DocumentMetadata::confidentiality,
      "$XDSDocumentEntryEventCodeList", DocumentMetadata::eventCodes);

  private final DmpStore store;
  private final RightsMatrix rights;
  private final DocumentVisibility visibility;

  /** A handler reading {@code store} under {@code rights}. */
  public StoredQueryHandler(DmpStore store, RightsMatrix rights) {
    this.store = store;
    this.rights = rights;
    this.visibility = new DocumentVisibility(store);
  }

  @Override
  public Answer handle(TransactionContext context) {
    Element query = Xml.child(context.body(), Namespaces.RIM, "AdhocQuery")
        .orElseThrow(() -> new DmpException(DmpError.XDS_REGISTRY_METADATA, "AdhocQuery absent"));
    String queryId = query.getAttribute("id");
    if (!List.of(XdsIds.FIND_DOCUMENTS, XdsIds.FIND_BY_REFERENCE_ID, XdsIds.GET_DOCUMENTS,
        XdsIds.GET_SUBMISSION_SETS).contains(queryId)) {
      throw new DmpException(DmpError.XDS_UNKNOWN_STORED_QUERY,
          "Requête stockée non supportée par le simulateur : " + queryId);
    }
    Map<String, List<String>> slots = slots(query);
    Vihf vihf = context.vihf();
    Patient patient = rights.openXdsDmp(vihf);
    rights.checkAccess(vihf, patient);
    if (queryId.equals(XdsIds.GET_SUBMISSION_SETS)) {
      List<StoredDocument> members = entriesByUuid(slots, "$uuid", patient.ins()).stream()
          .filter(document -> visibility.visible(document, vihf)).toList();
      return submissionSets(members, patient.ins());
    }
    List<StoredDocument> found = queryId.equals(XdsIds.GET_DOCUMENTS)
        ? getDocuments(slots, patient.ins())
        : findDocuments(slots, patient.ins(), queryId.equals(XdsIds.FIND_BY_REFERENCE_ID));
    found = found.stream().filter(document -> visibility.visible(document, vihf)).toList();
    boolean references = Xml.child(context.body(), Namespaces.QUERY, "ResponseOption")
        .map(option -> "ObjectRef".equals(option.getAttribute("returnType"))).orElse(false);
    XmlWriter queryWriter = new XmlWriter(Xml.newDocument(), Namespaces.QUERY, "query");
    Element root = queryWriter.element("AdhocQueryResponse", "status", FaultFactory.SUCCESS,
        "startIndex", "0", "totalResultCount", Integer.toString(found.size()));
    XmlWriter rim = new XmlWriter(queryWriter.document(), Namespaces.RIM, "rim");
    Element list = rim.add(root, "RegistryObjectList");
    EntryWriter entries = new EntryWriter(queryWriter.document());
    for (StoredDocument document : found) {
      if (references) {
        rim.add(list, "ObjectRef", "id", document.entryUuid());
      } else {
        entries.write(list, document);
      }
    }
    return Answer.of(root, found.size() + " entries");
  }

  private List<StoredDocument> findDocuments(
      Map<String, List<String>> slots, Ins patient, boolean byReference) {
    List<String> patientIds = slots.getOrDefault("$XDSDocumentEntryPatientId", List.of());
    List<String> statuses = slots.getOrDefault("$XDSDocumentEntryStatus", List.of());
    if (patientIds.size() != 1 || statuses.isEmpty()) {
      throw new DmpException(DmpError.XDS_STORED_QUERY_PARAM_NUMBER,
          "$XDSDocumentEntryPatientId (un seul) et $XDSDocumentEntryStatus sont obligatoires");
    }
    if (!Ins.parseCx(patientIds.get(0)).filter(patient::equals).isPresent()) {
      throw new DmpException(DmpError.XDS_PATIENT_ID_DOES_NOT_MATCH);
    }
    List<String> references = slots.getOrDefault("$XDSDocumentEntryReferenceIdList", List.of());
    if (byReference && references.isEmpty()) {
      throw new DmpException(DmpError.XDS_STORED_QUERY_PARAM_NUMBER,
          "$XDSDocumentEntryReferenceIdList est obligatoire");
    }
    List<StoredDocument> found = new ArrayList<>();
    for (StoredDocument document : store.documentsOf(patient.value())) {
      DocumentMetadata m = document.metadata();
      boolean matches = statuses.contains(document.status().uri())
          && CODE_FILTERS.entrySet().stream().allMatch(filter -> codeMatches(
              slots.get(filter.getKey()), filter.getValue().apply(m)))
          && within(m.creationTime(), slots, "$XDSDocumentEntryCreationTime")
          && within(m.serviceStartTime(), slots, "$XDSDocumentEntryServiceStartTime")
          && within(m.serviceStopTime(), slots, "$XDSDocumentEntryServiceStopTime")
          && (!byReference || m.referenceIds().stream().anyMatch(references::contains));
      if (matches) {
        found.add(document);
      }
    }
    return found;
  }

  private List<StoredDocument> getDocuments(Map<String, List<String>> slots, Ins patient) {
    List<String> uniqueIds = slots.getOrDefault("$XDSDocumentEntryUniqueId", List.of());
    List<String> entryUuids = slots.getOrDefault("$XDSDocumentEntryEntryUUID", List.of());
    if (uniqueIds.isEmpty() == entryUuids.isEmpty()) {
      throw new DmpException(DmpError.XDS_STORED_QUERY_PARAM_NUMBER,
          "$XDSDocumentEntryUniqueId ou $XDSDocumentEntryEntryUUID (l'un des deux) est"
              + " obligatoire");
    }
    List<StoredDocument> found = new ArrayList<>();
    for (String id : uniqueIds) {
      store.documentByUniqueId(id).ifPresent(found::add);
    }
    for (String id : entryUuids) {
      store.documentByEntryUuid(id).ifPresent(found::add);
    }
    return found.stream().filter(document -> document.metadata().patient().equals(patient))
        .toList();
  }

  /** The documents of {@code patient} whose entryUUIDs are the values of {@code parameter}. */
  private List<StoredDocument> entriesByUuid(
      Map<String, List<String>> slots, String parameter, Ins patient) {
    List<String> uuids = slots.getOrDefault(parameter, List.of());
    if (uuids.isEmpty()) {
      throw new DmpException(DmpError.XDS_STORED_QUERY_PARAM_NUMBER,
          parameter + " est obligatoire");
    }
    return uuids.stream().map(store::documentByEntryUuid).flatMap(Optional::stream)
        .filter(document -> document.metadata().patient().equals(patient)).toList();
  }

  /**
   * GetSubmissionSets: the submission set of each document and its HasMember association. The
   * simulator keeps no submission set of its own: each document's is rebuilt from its submission
   * time, with an id derived from the document's entryUUID.
   */
  private static Answer submissionSets(List<StoredDocument> members, Ins patient) {
    XmlWriter queryWriter = new XmlWriter(Xml.newDocument(), Namespaces.QUERY, "query");
    Element root = queryWriter.element("AdhocQueryResponse", "status", FaultFactory.SUCCESS,
        "startIndex", "0", "totalResultCount", Integer.toString(members.size()));
    XmlWriter rim = new XmlWriter(queryWriter.document(), Namespaces.RIM, "rim");
    Element list = rim.add(root, "RegistryObjectList");
    for (StoredDocument document : members) {
      String setId = "urn:uuid:" + java.util.UUID.nameUUIDFromBytes(
          ("submission-set " + document.entryUuid()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      Element set = rim.add(list, "RegistryPackage", "id", setId,
          "objectType", "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:RegistryPackage",
          "status", "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved");
      Element slot = rim.add(set, "Slot", "name", "submissionTime");
      rim.text(rim.add(slot, "ValueList"), "Value", document.submissionTime());
      rim.add(set, "Classification", "id", setId + "-node", "classifiedObject", setId,
          "classificationNode", XdsIds.SUBMISSION_SET_NODE);
      rim.add(set, "ExternalIdentifier", "id", setId + "-patient", "registryObject", setId,
          "identificationScheme", XdsIds.SET_PATIENT_ID, "value", patient.cx());
      Element member = rim.add(list, "Association", "id", setId + "-member",
          "associationType", XdsIds.HAS_MEMBER, "sourceObject", setId,
          "targetObject", document.entryUuid());
      Element status = rim.add(member, "Slot", "name", "SubmissionSetStatus");
      rim.text(rim.add(status, "ValueList"), "Value", "Original");
    }
    return Answer.of(root, members.size() + " submission sets");
  }

  private static boolean codeMatches(List<String> wanted, List<Code> codes) {
    if (wanted == null) {
      return true;
    }
    for (String value : wanted) {
      String[] parts = value.split("\\^", -1);
      String scheme = parts.length >= 3 ? parts[2] : "";
      for (Code code : codes) {
        if (code.code().equals(parts[0]) && (scheme.isEmpty() || scheme.equals(code.scheme()))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean within(String time, Map<String, List<String>> slots, String prefix) {
    Optional<String> from = slots.getOrDefault(prefix + "From", List.of()).stream().findFirst();
    Optional<String> to = slots.getOrDefault(prefix + "To", List.of()).stream().findFirst();
    if (from.isEmpty() && to.isEmpty()) {
      return true;
    }
    if (time == null) {
      return false;
    }
    return from.map(bound -> time.compareTo(bound) >= 0).orElse(true)
        && to.map(bound -> time.compareTo(bound) < 0).orElse(true);
  }

  private static Map<String, List<String>> slots(Element query) {
    Map<String, List<String>> slots = new HashMap<>();
    for (Element slot : Xml.children(query, Namespaces.RIM, "Slot")) {
      List<String> raw = new ArrayList<>();
      Xml.child(slot, Namespaces.RIM, "ValueList").ifPresent(list ->
          Xml.children(list, Namespaces.RIM, "Value").forEach(value -> raw.add(Xml.text(value))));
      String name = slot.getAttribute("name");
      if (!QueryValues.wellFormed(raw, name.endsWith("TimeFrom") || name.endsWith("TimeTo"))) {
        throw new DmpException(DmpError.XDS_REGISTRY, "Valeur mal formée pour le paramètre "
            + name + " : les chaînes s'écrivent entre apostrophes ('a' ou ('a','b'))");
      }
      slots.computeIfAbsent(name, key -> new ArrayList<>()).addAll(QueryValues.parse(raw));
    }
    return slots;
  }
}
