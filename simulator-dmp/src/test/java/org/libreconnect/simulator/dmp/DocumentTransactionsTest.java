package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.simulator.dmp.DmpFixture.find;
import static org.libreconnect.simulator.dmp.DmpFixture.texts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.soap.Attachment;
import org.libreconnect.simulator.dmp.soap.DmpRequest;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.store.DocumentStatus;
import org.libreconnect.simulator.dmp.store.StoredDocument;
import org.w3c.dom.Element;

/** TD2.1, TD3.1, TD3.2 and TD3.3 against the in-memory dispatcher. */
class DocumentTransactionsTest {
  private static final byte[] CDA = Cdas.forPatient(DmpFixture.VALID, "CR de test");
  private static final String NEW_UNIQUE_ID = "2.25.1234567890";

  private final DmpFixture dmp = new DmpFixture();

  private DmpResponse provide(String ins, String uniqueId, String extraSlots) {
    DmpRequest request = DmpRequest.of(DmpService.REPOSITORY, Envelope.of(Bodies.TD21_ACTION,
        dmp.vihf(ins).xml(), Bodies.provideAndRegister(ins, uniqueId, "doc1%40test",
            extraSlots)).xml())
        .withAttachments(List.of(new Attachment("<doc1@test>", "text/xml", CDA)));
    return dmp.send(request);
  }

  private DmpResponse find(String ins, VihfBuilder vihf, String returnType, String... statuses) {
    return dmp.send(DmpService.REGISTRY, Bodies.TD31_ACTION, vihf,
        Bodies.findDocuments(ins, returnType, statuses));
  }

  private DmpResponse retrieve(String ins, String... uniqueIds) {
    return dmp.send(DmpService.REPOSITORY, Bodies.TD32_ACTION, dmp.vihf(ins),
        Bodies.retrieve(Bodies.REPOSITORY, uniqueIds));
  }

  private static String status(DmpResponse response) {
    return DmpFixture.find(response, Namespaces.RS, "RegistryResponse").getAttribute("status");
  }

  private static List<String> errorCodes(DmpResponse response) {
    return Xml.descendants(response.body(), Namespaces.RS, "RegistryError").stream()
        .map(error -> error.getAttribute("errorCode")).toList();
  }

  @Test
  void aSubmittedDocumentIsFoundThenRetrieved() {
    DmpResponse stored = provide(DmpFixture.VALID, NEW_UNIQUE_ID, "");
    assertThat(stored.fault()).isFalse();
    assertThat(stored.addressingHeader("Action"))
        .contains("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse");
    assertThat(status(stored)).isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");

    DmpResponse found = find(DmpFixture.VALID, dmp.vihf(DmpFixture.VALID), "LeafClass",
        Bodies.APPROVED);
    Element query = DmpFixture.find(found, Namespaces.QUERY, "AdhocQueryResponse");
    assertThat(query.getAttribute("status")).endsWith(":Success");
    assertThat(query.getAttribute("totalResultCount")).isEqualTo("2");
    List<String> uniqueIds = Xml.descendants(found.body(), Namespaces.RIM, "ExternalIdentifier")
        .stream().filter(id -> id.getAttribute("identificationScheme")
            .equals("urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab"))
        .map(id -> id.getAttribute("value")).toList();
    assertThat(uniqueIds).containsExactly(NEW_UNIQUE_ID, DmpFixture.SEEN_DOCUMENT);
    Element entry = Xml.descendants(found.body(), Namespaces.RIM, "ExtrinsicObject").get(0);
    assertThat(entry.getAttribute("objectType"))
        .isEqualTo("urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1");
    assertThat(entry.getAttribute("id")).startsWith("urn:uuid:").isEqualTo(entry.getAttribute("lid"));
    assertThat(Xml.toString(entry)).contains(StoredDocument.sha1Hex(CDA))
        .contains(">" + CDA.length + "<").contains("1.2.250.1.213.4.1.1.1.2");

    DmpResponse retrieved = retrieve(DmpFixture.VALID, NEW_UNIQUE_ID);
    assertThat(retrieved.addressingHeader("Action"))
        .contains("urn:ihe:iti:2007:RetrieveDocumentSetResponse");
    assertThat(status(retrieved)).endsWith(":Success");
    assertThat(Xml.text(DmpFixture.find(retrieved, Namespaces.XDSB, "DocumentUniqueId")))
        .isEqualTo(NEW_UNIQUE_ID);
    assertThat(Xml.text(DmpFixture.find(retrieved, Namespaces.XDSB, "mimeType")))
        .isEqualTo("text/xml");
    String href = DmpFixture.find(retrieved, Namespaces.XOP, "Include").getAttribute("href");
    assertThat(href).startsWith("cid:").contains("%40urn%3Aihe%3Aiti%3Axds-b%3A2007");
    assertThat(retrieved.attachments()).singleElement().satisfies(part -> {
      assertThat(part.contentId()).isEqualTo(Attachment.normalise(href));
      assertThat(part.content()).isEqualTo(CDA);
    });
  }

  @Test
  void inlineBase64ContentIsAcceptedToo() {
    DmpResponse stored = dmp.send(DmpService.REPOSITORY, Bodies.TD21_ACTION,
        dmp.vihf(DmpFixture.VALID), Bodies.provideAndRegister(DmpFixture.VALID, NEW_UNIQUE_ID,
            "b64:" + Base64.getEncoder().encodeToString(CDA), ""));

    assertThat(status(stored)).endsWith(":Success");
    assertThat(dmp.store.documentByUniqueId(NEW_UNIQUE_ID).orElseThrow().content()).isEqualTo(CDA);
  }

  @Test
  void aDeclaredHashThatDoesNotMatchIsRefused() {
    DmpResponse response = provide(DmpFixture.VALID, NEW_UNIQUE_ID,
        "<Slot name=\"hash\"><ValueList><Value>0000</Value></ValueList></Slot>");

    assertThat(response.fault()).isFalse();
    assertThat(status(response)).endsWith(":Failure");
    assertThat(errorCodes(response)).containsExactly("XDSRepositoryMetadataError");
  }

  @Test
  void aUniqueIdCannotBeReused() {
    assertThat(errorCodes(provide(DmpFixture.VALID, DmpFixture.SEEN_DOCUMENT, "")))
        .containsExactly("XDSDuplicateUniqueIdInRegistry");
  }

  @Test
  void theSubmissionMustBeForTheVihfPatient() {
    DmpResponse response = dmp.send(DmpService.REPOSITORY, Bodies.TD21_ACTION,
        dmp.vihf(DmpFixture.EXPIRED), Bodies.provideAndRegister(DmpFixture.VALID, NEW_UNIQUE_ID,
            "b64:" + Base64.getEncoder().encodeToString(CDA), ""));

    assertThat(response.faultSubcode()).contains("DMPAccessDeniedByRightsService");
    DmpResponse mismatch = dmp.send(DmpService.REPOSITORY, Bodies.TD21_ACTION,
        dmp.vihf(DmpFixture.VALID), Bodies.provideAndRegister(DmpFixture.EXPIRED, NEW_UNIQUE_ID,
            "b64:" + Base64.getEncoder().encodeToString(CDA), ""));
    assertThat(errorCodes(mismatch)).containsExactly("XDSPatientIdDoesNotMatch");
  }

  @Test
  void aMissingMtomPartIsReported() {
    DmpResponse response = dmp.send(DmpService.REPOSITORY, Bodies.TD21_ACTION,
        dmp.vihf(DmpFixture.VALID),
        Bodies.provideAndRegister(DmpFixture.VALID, NEW_UNIQUE_ID, "absent@test", ""));

    assertThat(errorCodes(response)).containsExactly("XDSMissingDocument");
  }

  @Test
  void documentsOfAClosedOrMissingDmpAreRefused() {
    assertThat(errorCodes(find(DmpFixture.CLOSED, dmp.vihf(DmpFixture.CLOSED), "LeafClass",
        Bodies.APPROVED))).containsExactly("DMPClosed");
    assertThat(errorCodes(find(DmpFixture.ABSENT, dmp.vihf(DmpFixture.ABSENT), "LeafClass",
        Bodies.APPROVED))).containsExactly("XDSUnknownPatientId");
  }

  @Test
  void aMaskedDocumentIsHiddenFromOtherProfessionalsButNotItsTreatingPhysician() {
    DmpResponse mine = find(DmpFixture.VALID, dmp.vihf(DmpFixture.VALID), "ObjectRef",
        Bodies.APPROVED);
    assertThat(Xml.descendants(mine.body(), Namespaces.RIM, "ObjectRef"))
        .extracting(ref -> ref.getAttribute("id")).containsExactly(DmpFixture.SEEN_ENTRY);

    DmpResponse colleague = find(DmpFixture.VALID, dmp.vihf(DmpFixture.VALID)
        .nameId("899900012345").text("Identifiant_Structure", "499900063480002"), "ObjectRef",
        Bodies.APPROVED);
    assertThat(Xml.descendants(colleague.body(), Namespaces.RIM, "ObjectRef")).hasSize(2);
    assertThat(errorCodes(retrieve(DmpFixture.VALID, DmpFixture.MASKED_DOCUMENT)))
        .containsExactly("XDSDocumentUniqueIdError");
  }

  @Test
  void getDocumentsFindsByUniqueId() {
    DmpResponse response = dmp.send(DmpService.REGISTRY, Bodies.TD31_ACTION,
        dmp.vihf(DmpFixture.VALID), Bodies.getDocuments(DmpFixture.SEEN_DOCUMENT));

    assertThat(Xml.descendants(response.body(), Namespaces.RIM, "ExtrinsicObject"))
        .extracting(entry -> entry.getAttribute("id")).containsExactly(DmpFixture.SEEN_ENTRY);
  }

  @Test
  void queriesNeedThePatientAndStatusParameters() {
    DmpResponse response = dmp.send(DmpService.REGISTRY, Bodies.TD31_ACTION,
        dmp.vihf(DmpFixture.VALID), Bodies.adhocQuery(Bodies.FIND_DOCUMENTS, "LeafClass", ""));

    assertThat(errorCodes(response)).containsExactly("XDSStoredQueryParamNumber");
    assertThat(DmpFixture.find(response, Namespaces.QUERY, "AdhocQueryResponse")
        .getAttribute("status")).endsWith(":Failure");
  }

  @Test
  void anUnsupportedStoredQueryIsReported() {
    DmpResponse response = dmp.send(DmpService.REGISTRY, Bodies.TD31_ACTION,
        dmp.vihf(DmpFixture.VALID), Bodies.adhocQuery(
            "urn:uuid:f26abbcb-ac74-4422-8a30-edb644bbc1a9", "LeafClass", ""));

    assertThat(errorCodes(response)).containsExactly("XDSUnknownStoredQuery");
  }

  @Test
  void retrievingByEntryUuidIsAnUnknownUniqueId() {
    assertThat(errorCodes(retrieve(DmpFixture.VALID, DmpFixture.SEEN_ENTRY)))
        .containsExactly("XDSDocumentUniqueIdError");
  }

  @Test
  void retrievingSomeUnknownDocumentsIsAPartialSuccess() {
    DmpResponse response = retrieve(DmpFixture.VALID, DmpFixture.SEEN_DOCUMENT, "2.25.999");

    assertThat(status(response)).isEqualTo("urn:ihe:iti:2007:ResponseStatusType:PartialSuccess");
    assertThat(response.attachments()).hasSize(1);
    assertThat(errorCodes(response)).containsExactly("XDSDocumentUniqueIdError");
  }

  @Test
  void anUnknownRepositoryIsReported() {
    DmpResponse response = dmp.send(DmpService.REPOSITORY, Bodies.TD32_ACTION,
        dmp.vihf(DmpFixture.VALID), Bodies.retrieve("1.2.3", DmpFixture.SEEN_DOCUMENT));

    assertThat(errorCodes(response)).containsExactly("XDSUnknownRepositoryId");
  }

  @Test
  void documentsAreArchivedUnarchivedAndDeleted() {
    DmpResponse archived = dmp.send(DmpService.REGISTRY, Bodies.TD33_ACTION,
        dmp.vihf(DmpFixture.VALID), Bodies.updateStatus(DmpFixture.VALID, DmpFixture.SEEN_ENTRY,
            Bodies.APPROVED, Bodies.ARCHIVED));
    assertThat(archived.addressingHeader("Action"))
        .contains("urn:ihe:iti:2010:UpdateDocumentSet-Response");
    assertThat(status(archived)).endsWith(":Success");
    assertThat(texts(find(DmpFixture.VALID, dmp.vihf(DmpFixture.VALID), "ObjectRef",
        Bodies.APPROVED), Namespaces.RIM, "ObjectRef")).isEmpty();
    assertThat(Xml.descendants(find(DmpFixture.VALID, dmp.vihf(DmpFixture.VALID), "ObjectRef",
        Bodies.ARCHIVED).body(), Namespaces.RIM, "ObjectRef")).hasSize(1);

    DmpResponse wrongOriginal = dmp.send(DmpService.REGISTRY, Bodies.TD33_ACTION,
        dmp.vihf(DmpFixture.VALID), Bodies.updateStatus(DmpFixture.VALID, DmpFixture.SEEN_ENTRY,
            Bodies.APPROVED, Bodies.DELETED));
    assertThat(errorCodes(wrongOriginal)).containsExactly("XDSMetadataUpdateError");

    dmp.send(DmpService.REGISTRY, Bodies.TD33_ACTION, dmp.vihf(DmpFixture.VALID),
        Bodies.updateStatus(DmpFixture.VALID, DmpFixture.SEEN_ENTRY, Bodies.ARCHIVED,
            Bodies.DELETED));
    assertThat(dmp.store.documentByEntryUuid(DmpFixture.SEEN_ENTRY).orElseThrow().status())
        .isEqualTo(DocumentStatus.DELETED);
    assertThat(errorCodes(retrieve(DmpFixture.VALID, DmpFixture.SEEN_DOCUMENT)))
        .containsExactly("XDSDocumentUniqueIdError");
  }

  @Test
  void onlyTheAuthorMayDelete() {
    DmpResponse response = dmp.send(DmpService.REGISTRY, Bodies.TD33_ACTION,
        dmp.vihf(DmpFixture.VALID).nameId("899900012345")
            .text("Identifiant_Structure", "499900063480002"),
        Bodies.updateStatus(DmpFixture.VALID, DmpFixture.SEEN_ENTRY, Bodies.APPROVED,
            Bodies.DELETED));

    assertThat(response.faultSubcode()).contains("DMPAccessDeniedByRightsService");
  }

  @Test
  void aDocumentIsMaskedThroughANewMetadataVersion() {
    DmpResponse masked = dmp.send(DmpService.REGISTRY, Bodies.TD33_ACTION,
        dmp.vihf(DmpFixture.VALID), Bodies.updateConfidentiality(DmpFixture.VALID,
            DmpFixture.SEEN_ENTRY, 1, "N", "MASQUE_PS"));

    assertThat(status(masked)).endsWith(":Success");
    StoredDocument entry = dmp.store.documentByEntryUuid(DmpFixture.SEEN_ENTRY).orElseThrow();
    assertThat(entry.version()).isEqualTo(2);
    assertThat(entry.metadata().hasConfidentiality("MASQUE_PS")).isTrue();
    assertThat(errorCodes(dmp.send(DmpService.REGISTRY, Bodies.TD33_ACTION,
        dmp.vihf(DmpFixture.VALID), Bodies.updateConfidentiality(DmpFixture.VALID,
            DmpFixture.SEEN_ENTRY, 1, "N")))).containsExactly("XDSMetadataVersionError");
  }

  @Test
  void structuresMayFeedButNotRead() {
    VihfBuilder structure = dmp.vihf(DmpFixture.VALID).text("Authentification_Mode", "INDIRECTE")
        .text(VihfBuilder.SUBJECT_ID, "Secrétariat");
    DmpResponse response = dmp.send(DmpService.REPOSITORY, Bodies.TD32_ACTION, structure,
        Bodies.retrieve(Bodies.REPOSITORY, DmpFixture.SEEN_DOCUMENT));

    assertThat(response.faultSubcode()).isPresent();
  }
}
