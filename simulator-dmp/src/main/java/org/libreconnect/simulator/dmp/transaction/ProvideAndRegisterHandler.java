package org.libreconnect.simulator.dmp.transaction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.libreconnect.simulator.dmp.check.CdaRules;
import org.libreconnect.simulator.dmp.check.FormatRules;
import org.libreconnect.simulator.dmp.check.CodeLists;
import org.libreconnect.simulator.dmp.check.SubmissionRules;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.FaultFactory;
import org.libreconnect.simulator.dmp.soap.Hl7Answer;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.soap.XmlWriter;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.DocumentStatus;
import org.libreconnect.simulator.dmp.store.Ins;
import org.libreconnect.simulator.dmp.store.Patient;
import org.libreconnect.simulator.dmp.store.StoredDocument;
import org.libreconnect.simulator.dmp.vihf.Vihf;
import org.w3c.dom.Element;

/**
 * TD2.1 (ITI-41): stores the submitted documents (CDA and XAdES signature alike) in the VIHF's
 * patient's DMP, checking patient ids, required metadata, document parts, declared hash and size,
 * uniqueId reuse and replaced entries (dmp.md §2.8), the ANS metadata rules
 * ({@link SubmissionRules}) and, for every entry but the XAdES signature, the CDA document
 * ({@link CdaRules}).
 */
public final class ProvideAndRegisterHandler implements TransactionHandler {
  private final DmpStore store;
  private final RightsMatrix rights;
  private final SubmissionRules metadataRules = new SubmissionRules(CodeLists.shipped());
  private final CdaRules cdaRules = new CdaRules();

  /** A handler storing into {@code store} under {@code rights}. */
  public ProvideAndRegisterHandler(DmpStore store, RightsMatrix rights) {
    this.store = store;
    this.rights = rights;
  }

  @Override
  public Answer handle(TransactionContext context) {
    Vihf vihf = context.vihf();
    Patient patient = rights.openXdsDmp(vihf);
    rights.checkAccess(vihf, patient);
    Element submit = Xml.child(context.body(), Namespaces.LCM, "SubmitObjectsRequest")
        .orElseThrow(() -> new DmpException(DmpError.XDS_REGISTRY_METADATA,
            "SubmitObjectsRequest absent"));
    Element objects = Xml.child(submit, Namespaces.RIM, "RegistryObjectList")
        .orElseThrow(() -> new DmpException(DmpError.XDS_REGISTRY_METADATA,
            "RegistryObjectList absent"));
    checkSubmissionSet(objects, patient.ins());
    Map<String, Element> parts = new LinkedHashMap<>();
    for (Element document : Xml.children(context.body(), Namespaces.XDSB, "Document")) {
      parts.put(document.getAttribute("id"), document);
    }
    String now = Hl7Answer.time(context.now());
    List<StoredDocument> submitted = new ArrayList<>();
    for (Element object : Xml.children(objects, Namespaces.RIM, "ExtrinsicObject")) {
      SubmittedEntry entry = SubmittedEntry.read(object);
      metadataRules.check(entry.id(), entry.metadata());
      metadataRules.checkAuthors(object);
      if (!entry.metadata().patient().equals(patient.ins())) {
        throw new DmpException(DmpError.XDS_PATIENT_ID_DOES_NOT_MATCH);
      }
      Element part = take(parts, entry.id());
      byte[] content = DocumentContent.of(part, context.request());
      checkDeclared(entry, content);
      if (!XdsIds.SIGNATURE_FORMAT.equals(entry.metadata().formatCode().code())) {
        List<String> violations = cdaRules.violations(content);
        if (!violations.isEmpty()) {
          throw new DmpException(DmpError.INVALID_DOCUMENT, DmpError.INVALID_DOCUMENT.text()
              + " (ExtrinsicObject " + entry.id() + ") : " + CdaRules.summary(violations));
        }
        if (!CdaRules.documentCode(content).equals(entry.metadata().typeCode().code())) {
          throw new DmpException(DmpError.XDS_REGISTRY_METADATA,
              "typeCode différent du code du document CDA (ExtrinsicObject " + entry.id() + ")");
        }
        FormatRules.check(entry.id(), entry.metadata().formatCode().code(), content);
      }
      String entryUuid = entry.id().startsWith("urn:uuid:")
          ? entry.id() : "urn:uuid:" + UUID.randomUUID();
      submitted.add(new StoredDocument(entryUuid, entry.metadata(), DocumentStatus.APPROVED, 1,
          now, content));
    }
    if (submitted.isEmpty()) {
      throw new DmpException(DmpError.XDS_REGISTRY_METADATA, "Aucun document soumis");
    }
    if (!parts.isEmpty()) {
      throw new DmpException(DmpError.XDS_MISSING_DOCUMENT_METADATA,
          "Métadonnées absentes pour le document " + parts.keySet().iterator().next());
    }
    if (vihf.mode().indirect() && submitted.stream().noneMatch(document ->
        document.metadata().author().structureId().orElse("").equals(vihf.structureId()))) {
      throw new DmpException(DmpError.XDS_REGISTRY_METADATA,
          "Aucun AuthorInstitution ne correspond à l'utilisateur du VIHF");
    }
    List<String> duplicates = store.submit(submitted, replaced(objects, patient.ins()));
    if (!duplicates.isEmpty()) {
      throw new DmpException(DmpError.XDS_DUPLICATE_UNIQUE_ID);
    }
    XmlWriter rs = new XmlWriter(Xml.newDocument(), Namespaces.RS, "rs");
    return Answer.of(rs.element("RegistryResponse", "status", FaultFactory.SUCCESS),
        submitted.size() + " documents");
  }

  private static void checkSubmissionSet(Element objects, Ins patient) {
    List<Element> packages = Xml.children(objects, Namespaces.RIM, "RegistryPackage");
    if (packages.size() != 1) {
      throw new DmpException(DmpError.XDS_REGISTRY_METADATA,
          "Un lot de soumission (RegistryPackage) et un seul est attendu");
    }
    Optional<Ins> setPatient = RegistryObjects
        .externalIdentifier(packages.get(0), XdsIds.SET_PATIENT_ID).flatMap(Ins::parseCx);
    if (setPatient.isEmpty() || !setPatient.get().equals(patient)) {
      throw new DmpException(DmpError.XDS_PATIENT_ID_DOES_NOT_MATCH);
    }
  }

  /** The Document part of entry {@code id}: same id, or the same ignoring case (seen in samples). */
  private static Element take(Map<String, Element> parts, String id) {
    Element part = parts.remove(id);
    if (part == null) {
      String other = parts.keySet().stream().filter(key -> key.equalsIgnoreCase(id))
          .findFirst().orElse(null);
      part = other == null ? null : parts.remove(other);
    }
    if (part == null) {
      throw new DmpException(DmpError.XDS_MISSING_DOCUMENT,
          "Document absent pour l'ExtrinsicObject " + id);
    }
    return part;
  }

  private static void checkDeclared(SubmittedEntry entry, byte[] content) {
    boolean badHash = entry.declaredHash()
        .filter(hash -> !hash.equalsIgnoreCase(StoredDocument.sha1Hex(content))).isPresent();
    boolean badSize = entry.declaredSize().filter(size -> size != content.length).isPresent();
    if (badHash || badSize) {
      throw new DmpException(DmpError.XDS_REPOSITORY_METADATA);
    }
  }

  private List<String> replaced(Element objects, Ins patient) {
    List<String> replaced = new ArrayList<>();
    for (Element association : Xml.children(objects, Namespaces.RIM, "Association")) {
      if (XdsIds.REPLACE.equals(association.getAttribute("associationType"))) {
        String target = association.getAttribute("targetObject");
        boolean known = store.documentByEntryUuid(target)
            .filter(document -> document.metadata().patient().equals(patient)).isPresent();
        if (!known) {
          throw new DmpException(DmpError.XDS_REGISTRY_METADATA,
              "Le document remplacé (RPLC) est inconnu dans ce DMP");
        }
        replaced.add(target);
      }
    }
    return replaced;
  }
}
