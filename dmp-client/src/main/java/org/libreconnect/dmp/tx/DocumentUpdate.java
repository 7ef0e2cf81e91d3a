package org.libreconnect.dmp.tx;

import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.transport.SoapResponse;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * TD3.3: metadata updates (ITI-57 UpdateDocumentSet, dmp.md §2.9). The document is first read
 * from the registry by its uniqueId (GetDocuments), which gives its entryUUID, status and current
 * metadata; status changes send an {@code UpdateAvailabilityStatus} association, visibility
 * changes a new version of the entry with new confidentiality codes.
 */
public final class DocumentUpdate {
  static final String ACTION = "urn:ihe:iti:2010:UpdateDocumentSet";
  static final String UPDATE_STATUS = "urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus";

  private DocumentUpdate() {}

  /** TD3.3c: marks the document deleted. */
  public static void delete(DmpConnector connector, String ins, String uniqueId) {
    DocumentEntry entry = DocumentSearch.byUniqueId(connector, "TD3.3c", ins, uniqueId);
    changeStatus(connector, "TD3.3c", ins, entry, Xds.DELETED);
  }

  /** TD3.3d: archives an approved document, or brings an archived one back. */
  public static void toggleArchive(DmpConnector connector, String ins, String uniqueId) {
    DocumentEntry entry = DocumentSearch.byUniqueId(connector, "TD3.3d", ins, uniqueId);
    changeStatus(connector, "TD3.3d", ins, entry, Xds.ARCHIVED.equals(entry.statusUrn()) ? Xds.APPROVED : Xds.ARCHIVED);
  }

  /** TD3.3a/b: the new JS2 visibility bits (1 normal, 2 hidden from the patient, 4 from professionals, 8 from guardians). */
  public static void visibility(DmpConnector connector, String ins, String uniqueId, int visibility) {
    if (visibility < 1 || visibility > 15) {
      throw new InvalidParameterException("i_newVisibility", "must be a sum of 1, 2, 4 and 8");
    }
    DocumentEntry entry = DocumentSearch.byUniqueId(connector, "TD3.3a", ins, uniqueId);
    send(connector, "TD3.3a", ins, list -> {
      Element copy = (Element) list.getOwnerDocument().importNode(entry.object(), true);
      String version = Xml.attr(copy, "versionName", "VersionInfo");
      copy.setAttribute("id", "Document01");
      copy.setAttribute("lid", entry.lid());
      copy.removeAttribute("status");
      for (Element c : Xds.classifications(copy, Xds.CONFIDENTIALITY)) {
        String code = c.getAttribute("nodeRepresentation");
        if (code.equals(Xds.MASQUE_PS) || code.equals(Xds.INVISIBLE_PATIENT) || code.equals(Xds.INVISIBLE_GUARDIAN)) {
          copy.removeChild(c);
        }
      }
      for (Element child : Xml.children(copy, "Classification")) {
        child.setAttribute("classifiedObject", "Document01");
      }
      for (Element child : Xml.children(copy, "ExternalIdentifier")) {
        child.setAttribute("registryObject", "Document01");
      }
      Node before = Xml.child(copy, "ExternalIdentifier").orElse(null);
      flag(copy, before, visibility, 2, Xds.INVISIBLE_PATIENT, "Non visible par le patient");
      flag(copy, before, visibility, 4, Xds.MASQUE_PS, "Masqué aux professionnels de santé");
      flag(copy, before, visibility, 8, Xds.INVISIBLE_GUARDIAN, "Non visible par les représentants légaux");
      list.appendChild(copy);
      Element member = SubmissionSet.association(list, "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember",
          SubmissionSet.ID, "Document01");
      Xds.slot(member, "SubmissionSetStatus", "Original");
      Xds.slot(member, "PreviousVersion", version.isEmpty() ? "1" : version);
    });
  }

  private static void flag(Element object, Node before, int visibility, int bit, String code, String label) {
    if ((visibility & bit) == 0) {
      return;
    }
    Element c = Xds.classification(object, Xds.CONFIDENTIALITY, code, Xds.DMP_CONFIDENTIALITY_SYSTEM, label);
    if (before != null) {
      object.insertBefore(c, before);
    }
  }

  private static void changeStatus(DmpConnector connector, String transaction, String ins, DocumentEntry entry,
      String newStatus) {
    send(connector, transaction, ins, list -> {
      Element association = SubmissionSet.association(list, UPDATE_STATUS, SubmissionSet.ID, entry.uuid());
      Xds.slot(association, "OriginalStatus", entry.statusUrn());
      Xds.slot(association, "NewStatus", newStatus);
    });
  }

  private static void send(DmpConnector connector, String transaction, String ins,
      java.util.function.Consumer<Element> content) {
    SoapResponse response = connector.call(transaction, "registry", ACTION, ins, document -> {
      Element request = document.createElementNS(Ns.LCM, "lcm:SubmitObjectsRequest");
      request.setAttributeNS(Ns.XMLNS, "xmlns:rim", Ns.RIM);
      Element list = Xml.add(request, Ns.RIM, "rim:RegistryObjectList");
      SubmissionSet.add(list, connector, ins, Xds.newOid(), "Mise à jour de métadonnées", null);
      content.accept(list);
      return request;
    });
    RegistryResponses.check(response.body());
  }
}
