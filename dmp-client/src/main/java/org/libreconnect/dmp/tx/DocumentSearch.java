package org.libreconnect.dmp.tx;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.libreconnect.protocol.command.DmpCommands.FindDocumentsInput;
import org.libreconnect.protocol.command.DmpCommands.FoundDocument;
import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.DocumentHandles;
import org.libreconnect.dmp.errors.DmpRefusedException;
import org.libreconnect.dmp.transport.SoapResponse;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Element;

/** TD3.1: registry stored queries (ITI-18), FindDocuments and GetDocuments (dmp.md §2.6). */
public final class DocumentSearch {
  static final String ACTION = "urn:ihe:iti:2007:RegistryStoredQuery";

  private DocumentSearch() {}

  /** {@code hl_findDocuments}: the patient's documents matching the filters; new handles. */
  public static List<FoundDocument> find(DmpConnector connector, String ins, FindDocumentsInput input) {
    List<DocumentEntry> entries = query(connector, "TD3.1", ins, Xds.FIND_DOCUMENTS, query -> {
      Xds.slot(query, "$XDSDocumentEntryPatientId", "'" + connector.patientCx(ins) + "'");
      Xds.slot(query, "$XDSDocumentEntryStatus", statuses(input.status()));
      codes(query, "$XDSDocumentEntryTypeCode", input.categories(), "2.16.840.1.113883.6.1");
      codes(query, "$XDSDocumentEntryPracticeSettingCode", input.practices(), "1.2.250.1.213.1.1.4.9");
      date(query, "$XDSDocumentEntryCreationTimeFrom", input.creationDateBottom());
      date(query, "$XDSDocumentEntryCreationTimeTo", input.creationDateTop());
      date(query, "$XDSDocumentEntryServiceStartTimeFrom", input.serviceStartDateBottom());
      date(query, "$XDSDocumentEntryServiceStartTimeTo", input.serviceStartDateTop());
      date(query, "$XDSDocumentEntryServiceStopTimeFrom", input.serviceStopDateBottom());
      date(query, "$XDSDocumentEntryServiceStopTimeTo", input.serviceStopDateTop());
    });
    List<Integer> formats = values(input.formats()).stream().map(Integer::parseInt).toList();
    int visibility = input.visibility() == null ? 0 : input.visibility();
    List<DocumentEntry> kept = entries.stream().filter(e -> !e.isSignature())
        .filter(e -> formats.isEmpty() || formats.contains(e.format()))
        .filter(e -> visibility == 0 || (e.visibility() & visibility) != 0).toList();
    List<DocumentHandles.Entry> handles = kept.stream()
        .map(e -> new DocumentHandles.Entry(ins, e.uniqueId(), e.uuid(), e.format())).toList();
    int first = connector.handles().replace(handles);
    boolean metadata = input.disableMetadataSearch() == null || input.disableMetadataSearch() == 0;
    Map<String, String> submitted = metadata && !kept.isEmpty()
        ? submissionTimes(connector, ins, kept) : Map.of();
    List<FoundDocument> found = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      found.add(kept.get(i).toJs2(first + i, metadata, submitted.getOrDefault(kept.get(i).uuid(), "")));
    }
    connector.handles().describe(found);
    return found;
  }

  /**
   * {@code s_submissionDate}: the DMP's FindDocuments answer carries no submission time (it belongs
   * to the submission set), so a GetSubmissionSets query (ITI-18) asks for the sets of the found
   * entries; each time is mapped to its entries through the sets' HasMember associations.
   */
  private static Map<String, String> submissionTimes(DmpConnector connector, String ins, List<DocumentEntry> entries) {
    String uuids = "(" + String.join(",", entries.stream().map(e -> "'" + e.uuid() + "'").toList()) + ")";
    Element answer = call(connector, "TD3.1", ins, Xds.GET_SUBMISSION_SETS, query -> Xds.slot(query, "$uuid", uuids));
    Map<String, String> timeBySet = new HashMap<>();
    for (Element set : Xml.descendants(answer, "RegistryPackage")) {
      timeBySet.put(set.getAttribute("id"), Xds.slotValue(set, "submissionTime"));
    }
    Map<String, String> timeByEntry = new HashMap<>();
    for (Element association : Xml.descendants(answer, "Association")) {
      String time = timeBySet.get(association.getAttribute("sourceObject"));
      if (time != null && association.getAttribute("associationType").endsWith(":HasMember")) {
        timeByEntry.put(association.getAttribute("targetObject"), time);
      }
    }
    return timeByEntry;
  }

  /** GetDocuments by uniqueId: the entry of one document, any status. */
  static DocumentEntry byUniqueId(DmpConnector connector, String transaction, String ins, String uniqueId) {
    List<DocumentEntry> entries = query(connector, transaction, ins, Xds.GET_DOCUMENTS, query -> {
      Xds.slot(query, "$XDSDocumentEntryUniqueId", "('" + uniqueId + "')");
    });
    return entries.stream().filter(e -> uniqueId.equals(e.uniqueId())).findFirst()
        .orElseThrow(() -> new DmpRefusedException(DmpRefusedException.Source.XDS_REGISTRY,
            "XDSDocumentUniqueIdError", "Document introuvable dans le DMP du patient"));
  }

  private static List<DocumentEntry> query(DmpConnector connector, String transaction, String ins, String id,
      Consumer<Element> slots) {
    return DocumentEntry.all(call(connector, transaction, ins, id, slots));
  }

  /** One stored query; the answer's root, checked for a registry error. */
  private static Element call(DmpConnector connector, String transaction, String ins, String id,
      Consumer<Element> slots) {
    SoapResponse response = connector.call(transaction, "registry", ACTION, ins, document -> {
      Element request = document.createElementNS(Ns.QUERY, "query:AdhocQueryRequest");
      request.setAttributeNS(Ns.XMLNS, "xmlns:rim", Ns.RIM);
      Xml.attrs(Xml.add(request, Ns.QUERY, "query:ResponseOption"), "returnComposedObjects", "true",
          "returnType", "LeafClass");
      Element query = Xml.attrs(Xml.add(request, Ns.RIM, "rim:AdhocQuery"), "id", id);
      slots.accept(query);
      return request;
    });
    Element answer = response.body();
    RegistryResponses.check(answer);
    return answer;
  }

  private static String statuses(Integer bits) {
    int value = bits == null || bits == 0 ? 1 : bits;
    List<String> list = new ArrayList<>();
    if ((value & 1) != 0) {
      list.add("'" + Xds.APPROVED + "'");
    }
    if ((value & 2) != 0) {
      list.add("'" + Xds.DEPRECATED + "'");
    }
    if ((value & 4) != 0) {
      list.add("'" + Xds.ARCHIVED + "'");
    }
    return "(" + String.join(",", list) + ")";
  }

  private static void codes(Element query, String slot, JsonNode list, String system) {
    List<String> values = values(list);
    if (!values.isEmpty()) {
      Xds.slot(query, slot, "(" + String.join(",", values.stream().map(v -> "'" + v + "^^" + system + "'").toList()) + ")");
    }
  }

  private static void date(Element query, String slot, String js2Date) {
    String value = DmpTime.fromJs2(js2Date);
    if (value != null) {
      Xds.slot(query, slot, value);
    }
  }

  /** The values of a JS2 list: an object {"#0": v, …} or an array. */
  static List<String> values(JsonNode list) {
    List<String> values = new ArrayList<>();
    if (list == null || list.isNull()) {
      return values;
    }
    if (list.isValueNode()) {
      values.add(list.asText());
      return values;
    }
    list.elements().forEachRemaining(v -> {
      if (!v.asText().isEmpty()) {
        values.add(v.asText());
      }
    });
    return values;
  }
}
