package org.libreconnect.simulator.dmp.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.FaultFactory;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.soap.XmlWriter;
import org.libreconnect.simulator.dmp.store.Code;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.DocumentStatus;
import org.libreconnect.simulator.dmp.store.Ins;
import org.libreconnect.simulator.dmp.store.Patient;
import org.libreconnect.simulator.dmp.store.StoredDocument;
import org.libreconnect.simulator.dmp.vihf.Vihf;
import org.w3c.dom.Element;

/**
 * TD3.3 (ITI-57): changes a document's availability status (archive, unarchive, delete) through
 * {@code UpdateAvailabilityStatus} associations, or its visibility (MASQUE_PS,
 * INVISIBLE_PATIENT) through a new metadata version with {@code PreviousVersion} (dmp.md §2.9).
 * Only a document's author, or its author's structure, may delete it; users other than health
 * professionals may only delete.
 */
public final class UpdateDocumentSetHandler implements TransactionHandler {
  private final DmpStore store;
  private final RightsMatrix rights;

  /** A handler changing {@code store} under {@code rights}. */
  public UpdateDocumentSetHandler(DmpStore store, RightsMatrix rights) {
    this.store = store;
    this.rights = rights;
  }

  @Override
  public Answer handle(TransactionContext context) {
    Vihf vihf = context.vihf();
    Element objects = Xml.child(context.body(), Namespaces.RIM, "RegistryObjectList")
        .orElseThrow(() -> new DmpException(DmpError.XDS_REGISTRY_METADATA,
            "RegistryObjectList absent"));
    Patient patient = rights.openXdsDmp(vihf);
    rights.checkAccess(vihf, patient);
    checkSubmissionSet(objects, patient.ins());
    List<String> done = new ArrayList<>();
    for (Element association : Xml.children(objects, Namespaces.RIM, "Association")) {
      if (XdsIds.UPDATE_STATUS.equals(association.getAttribute("associationType"))) {
        done.add(changeStatus(association, vihf, patient.ins()));
      }
    }
    for (Element object : Xml.children(objects, Namespaces.RIM, "ExtrinsicObject")) {
      done.add(changeMetadata(object, objects, vihf, patient.ins()));
    }
    if (done.isEmpty()) {
      throw new DmpException(DmpError.XDS_METADATA_UPDATE,
          "Aucune mise à jour (UpdateAvailabilityStatus ou nouvelle version) dans la requête");
    }
    XmlWriter rs = new XmlWriter(Xml.newDocument(), Namespaces.RS, "rs");
    return Answer.of(rs.element("RegistryResponse", "status", FaultFactory.SUCCESS),
        String.join(",", done));
  }

  private String changeStatus(Element association, Vihf vihf, Ins patient) {
    StoredDocument document = target(association.getAttribute("targetObject"), patient);
    DocumentStatus original = status(RegistryObjects.slotValue(association, "OriginalStatus"));
    DocumentStatus wanted = status(RegistryObjects.slotValue(association, "NewStatus"));
    if (document.status() != original) {
      throw new DmpException(DmpError.XDS_METADATA_UPDATE,
          "OriginalStatus ne correspond pas au statut courant du document");
    }
    if (wanted == DocumentStatus.DELETED) {
      boolean author = document.metadata().author().psIdNat().orElse("").equals(vihf.nameId());
      boolean structure =
          document.metadata().author().structureId().orElse("").equals(vihf.structureId());
      if (!(author && !vihf.mode().indirect()) && !structure) {
        throw RightsMatrix.denied("seul l'auteur du document ou sa structure peut le supprimer");
      }
    } else if (RightsMatrix.kindOf(vihf) != RightsMatrix.UserKind.PROFESSIONAL) {
      throw RightsMatrix.denied("seule la suppression est permise à cet utilisateur");
    }
    store.update(document.entryUuid(), current -> current.withStatus(wanted));
    return wanted.name();
  }

  private String changeMetadata(Element object, Element objects, Vihf vihf, Ins patient) {
    if (RightsMatrix.kindOf(vihf) != RightsMatrix.UserKind.PROFESSIONAL) {
      throw RightsMatrix.denied("seule la suppression est permise à cet utilisateur");
    }
    String lid = Optional.of(object.getAttribute("lid")).filter(value -> !value.isBlank())
        .orElseThrow(() -> new DmpException(DmpError.XDS_METADATA_UPDATE,
            "La nouvelle version doit porter le lid du document"));
    StoredDocument document = target(lid, patient);
    String previous = Xml.children(objects, Namespaces.RIM, "Association").stream()
        .filter(a -> object.getAttribute("id").equals(a.getAttribute("targetObject")))
        .flatMap(a -> RegistryObjects.slot(a, "PreviousVersion").stream())
        .findFirst()
        .orElseThrow(() -> new DmpException(DmpError.XDS_METADATA_UPDATE,
            "Association HasMember avec PreviousVersion absente"));
    if (!previous.equals(Integer.toString(document.version()))) {
      throw new DmpException(DmpError.XDS_METADATA_VERSION);
    }
    List<Code> confidentiality = RegistryObjects.codes(object, XdsIds.CONFIDENTIALITY);
    if (confidentiality.isEmpty()) {
      throw new DmpException(DmpError.XDS_REGISTRY_METADATA,
          "Métadonnée obligatoire absente : confidentialityCode");
    }
    store.update(document.entryUuid(),
        current -> current.withMetadata(current.metadata().withConfidentiality(confidentiality)));
    return "v" + (document.version() + 1);
  }

  private StoredDocument target(String entryUuid, Ins patient) {
    return store.documentByEntryUuid(entryUuid)
        .filter(document -> document.metadata().patient().equals(patient))
        .filter(document -> document.status() != DocumentStatus.DELETED)
        .orElseThrow(() -> new DmpException(DmpError.XDS_METADATA_UPDATE,
            "Document inconnu dans ce DMP"));
  }

  private static DocumentStatus status(Optional<String> uri) {
    try {
      return DocumentStatus.fromUri(uri.orElse(""));
    } catch (IllegalArgumentException e) {
      throw new DmpException(DmpError.XDS_METADATA_UPDATE,
          "OriginalStatus et NewStatus doivent être des statuts connus");
    }
  }

  private static void checkSubmissionSet(Element objects, Ins patient) {
    for (Element set : Xml.children(objects, Namespaces.RIM, "RegistryPackage")) {
      Optional<Ins> setPatient = RegistryObjects.externalIdentifier(set, XdsIds.SET_PATIENT_ID)
          .flatMap(Ins::parseCx);
      if (setPatient.isEmpty() || !setPatient.get().equals(patient)) {
        throw new DmpException(DmpError.XDS_PATIENT_ID_DOES_NOT_MATCH);
      }
    }
  }
}
