package org.libreconnect.simulator.dmp.transaction;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.libreconnect.simulator.dmp.soap.Attachment;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.FaultFactory;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.soap.XmlWriter;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.Patient;
import org.libreconnect.simulator.dmp.store.StoredDocument;
import org.libreconnect.simulator.dmp.vihf.Vihf;
import org.w3c.dom.Element;

/**
 * TD3.2 (ITI-43): returns the requested documents of the VIHF's patient as MTOM parts, by
 * uniqueId (an entryUUID is refused with {@code XDSDocumentUniqueIdError}, as on the DMP);
 * {@code PartialSuccess} when only some are found (dmp.md §2.7).
 */
public final class RetrieveDocumentHandler implements TransactionHandler {
  private static final String CONTENT_ID_DOMAIN = "@urn:ihe:iti:xds-b:2007";

  private final DmpStore store;
  private final RightsMatrix rights;
  private final FaultFactory faults;
  private final DocumentVisibility visibility;

  /** A handler reading {@code store} under {@code rights}, reporting errors with {@code faults}. */
  public RetrieveDocumentHandler(DmpStore store, RightsMatrix rights, FaultFactory faults) {
    this.store = store;
    this.rights = rights;
    this.faults = faults;
    this.visibility = new DocumentVisibility(store);
  }

  @Override
  public Answer handle(TransactionContext context) {
    List<Element> requests = Xml.children(context.body(), Namespaces.XDSB, "DocumentRequest");
    if (requests.isEmpty()) {
      throw new DmpException(DmpError.XDS_REGISTRY_METADATA, "DocumentRequest absent");
    }
    Vihf vihf = context.vihf();
    Patient patient = rights.openXdsDmp(vihf);
    rights.checkAccess(vihf, patient);
    List<StoredDocument> found = new ArrayList<>();
    List<DmpException> errors = new ArrayList<>();
    for (Element request : requests) {
      String repository = Xml.childText(request, Namespaces.XDSB, "RepositoryUniqueId").orElse("");
      String uniqueId = Xml.childText(request, Namespaces.XDSB, "DocumentUniqueId").orElse("");
      Optional<StoredDocument> document = store.documentByUniqueId(uniqueId)
          .filter(entry -> entry.metadata().patient().equals(patient.ins()))
          .filter(entry -> visibility.visible(entry, vihf));
      if (!XdsIds.REPOSITORY_UNIQUE_ID.equals(repository)) {
        errors.add(new DmpException(DmpError.XDS_UNKNOWN_REPOSITORY));
      } else if (document.isEmpty()) {
        errors.add(new DmpException(DmpError.XDS_DOCUMENT_UNIQUE_ID));
      } else {
        found.add(document.get());
      }
    }
    if (found.isEmpty()) {
      return Answer.of(faults.xdsFailure(Xml.newDocument(), Transaction.TD3_2, errors),
          "0 documents");
    }
    XmlWriter xdsb = new XmlWriter(Xml.newDocument(), Namespaces.XDSB, "xdsb");
    XmlWriter rs = new XmlWriter(xdsb.document(), Namespaces.RS, "rs");
    Element root = xdsb.element("RetrieveDocumentSetResponse");
    Element status = rs.add(root, "RegistryResponse",
        "status", errors.isEmpty() ? FaultFactory.SUCCESS : FaultFactory.PARTIAL_SUCCESS);
    if (!errors.isEmpty()) {
      status.appendChild(faults.registryErrorList(xdsb.document(), errors));
    }
    List<Attachment> parts = new ArrayList<>();
    String prefix = UUID.randomUUID().toString();
    for (StoredDocument document : found) {
      String contentId = prefix + "-" + (parts.size() + 1) + CONTENT_ID_DOMAIN;
      Element response = xdsb.add(root, "DocumentResponse");
      xdsb.text(response, "RepositoryUniqueId", XdsIds.REPOSITORY_UNIQUE_ID);
      xdsb.text(response, "DocumentUniqueId", document.metadata().uniqueId());
      xdsb.text(response, "mimeType", document.metadata().mimeType());
      XmlWriter xop = new XmlWriter(xdsb.document(), Namespaces.XOP, "xop");
      xop.add(xdsb.add(response, "Document"), "Include",
          "href", "cid:" + URLEncoder.encode(contentId, StandardCharsets.UTF_8));
      parts.add(new Attachment(contentId, document.metadata().mimeType(), document.content()));
    }
    return new Answer(root, parts, found.size() + " documents");
  }
}
