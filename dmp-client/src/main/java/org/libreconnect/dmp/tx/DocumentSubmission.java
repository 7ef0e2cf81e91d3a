package org.libreconnect.dmp.tx;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.libreconnect.protocol.command.DmpCommands.SendDocumentAnswer;
import org.libreconnect.protocol.command.DmpCommands.SendDocumentInput;
import org.libreconnect.protocol.command.DmpRecordCommands.DocumentToSend;
import org.libreconnect.protocol.command.DmpRecordCommands.SendDocumentsAnswer;
import org.libreconnect.protocol.command.DmpRecordCommands.SendDocumentsInput;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.DmpHolder;
import org.libreconnect.dmp.PatientIds;
import org.libreconnect.dmp.cda.CdaWrapper;
import org.libreconnect.dmp.cda.SubmissionSignature;
import org.libreconnect.dmp.codes.DocumentTypes;
import org.libreconnect.dmp.codes.DocumentTypes.DocumentType;
import org.libreconnect.dmp.codes.ValueSets;
import org.libreconnect.dmp.transport.Attachment;
import org.libreconnect.dmp.transport.SoapResponse;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Element;

/**
 * TD2.1: provide and register documents (ITI-41, MTOM; dmp.md §2.8). Each file is wrapped in a
 * CDA document (unless it is one); the submission set carries them and the XAdES signature
 * document over all of them made with the card's signature key, linked by a {@code signs}
 * association.
 */
public final class DocumentSubmission {
  static final String ACTION = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";
  static final String HAS_MEMBER = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember";
  static final String SIGNS = "urn:ihe:iti:2007:AssociationType:signs";
  static final String REPLACES = "urn:ihe:iti:2007:AssociationType:RPLC";
  /** The ASTM typeCode of the XAdES signature document (IHE DSG), a row of ASS_X04 too. */
  static final String SIGNATURE_TYPE = "E1762";

  private DocumentSubmission() {}

  public static SendDocumentAnswer send(DmpConnector connector, String ins, SendDocumentInput input) {
    return new SendDocumentAnswer(sendAll(connector, ins, List.of(input), "s_fileContentBase64").get(0), null);
  }

  /**
   * JS2 {@code hl_sendDocuments}: one TD2.1 submission set holding every document of {@code in},
   * in the order sent, with the set's shared fields applied to each.
   */
  public static SendDocumentsAnswer sendDocuments(DmpConnector connector, SendDocumentsInput in) {
    String ins = PatientIds.checkIns("s_ins", in.ins());
    List<SendDocumentInput> documents = new java.util.ArrayList<>();
    for (DocumentToSend d : in.documents()) {
      documents.add(new SendDocumentInput(ins, d.contentInBase64(), d.title(), d.description(),
          d.category(), d.visibility(), d.format(), in.healthcareSetting(), d.replacedDocumentUniqueId(),
          in.submissionSetTitle(), in.submissionSetDescription(), in.localPatientId(), d.eventCodes(),
          d.informants(), d.treatingPhysician(), d.additionalAuthors(), in.transcodeTypeCode(),
          in.forceSchematronsValidation()));
    }
    return new SendDocumentsAnswer(sendAll(connector, ins, documents, "s_contentInBase64"));
  }

  /**
   * Several documents in one submission set (JS2 {@code hl_sendDocuments}): one document entry
   * each, one XAdES signature over all of them. Returns their uniqueIds in the order given.
   *
   * @param contentKey the JSON key of the content, for the error of content that is not base64
   */
  public static List<String> sendAll(DmpConnector connector, String ins, List<SendDocumentInput> inputs,
      String contentKey) {
    if (inputs.isEmpty()) {
      throw new InvalidParameterException("Documents", "must hold at least one document");
    }
    var now = connector.clock().instant();
    CdaWrapper.Patient patient = null;
    List<Prepared> documents = new java.util.ArrayList<>();
    Map<String, byte[]> signed = new LinkedHashMap<>();
    for (SendDocumentInput input : inputs) {
      byte[] content;
      try {
        content = Base64.getMimeDecoder().decode(input.fileContentBase64());
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException(contentKey, "must be base64");
      }
      DocumentType type = DocumentTypes.of(input.documentCategory())
          .filter(row -> !"ASTM".equals(row.typeSystem()))
          .orElseThrow(() -> new InvalidParameterException("s_documentCategory",
              "must be a document type of the ANS table ASS_X04 (an XDS typeCode of JDV_J07)"));
      DocumentFormats.Format format = DocumentFormats.of(input.documentFormat());
      StructuredDocument structured = format.structured() ? StructuredDocument.check(content, format, type) : null;
      String replacedUuid = input.replacedDocumentUniqueId() == null || input.replacedDocumentUniqueId().isBlank()
          ? null : DocumentSearch.byUniqueId(connector, "TD2.1", ins, input.replacedDocumentUniqueId().strip()).uuid();
      String documentOid = structured != null ? structured.uniqueId() : Xds.newOid();
      List<DmpHolder> additional = AdditionalAuthors.of(input.additionalAuthors());
      byte[] cda = content;
      if (structured == null) {
        List<CdaWrapper.Informant> informants = Informants.of(input.informants());
        DmpHolder treatingPhysician = input.treatingPhysician() == null || input.treatingPhysician().isNull()
            || input.treatingPhysician().isEmpty() ? null
            : AdditionalAuthors.hp(input.treatingPhysician(), "TreatingPhysician");
        if (patient == null) {
          patient = patient(connector, ins);
        }
        cda = new CdaWrapper().wrap(new CdaWrapper.Header(documentOid, input.documentTitle(), type.typeCode(),
            type.typeSystem(), typeLabel(type, input), connector.patientCx(ins), ins,
            PatientIds.authority(connector.urls().isProduction()), connector.holder(), connector.location(),
            connector.practiceSetting(), input.healthcareSetting(), now, patient, additional, informants,
            treatingPhysician), content, format.mimeType());
      }
      if (signed.putIfAbsent(documentOid, cda) != null) {
        throw new InvalidParameterException("Documents", "holds the same document twice");
      }
      int n = documents.size() + 1;
      documents.add(new Prepared(input, type, format, documentOid, replacedUuid, additional,
          String.format(java.util.Locale.ROOT, "Document%02d", n),
          new Attachment("doc" + n + "@libreconnect.org", "text/xml", cda)));
    }
    byte[] signature = new SubmissionSignature().sign(signed, connector.credentials().signatureCertificate(), now,
        connector.credentials()::signSha256);
    List<Attachment> parts = new java.util.ArrayList<>();
    documents.forEach(d -> parts.add(d.part()));
    parts.add(new Attachment("sig1@libreconnect.org", "text/xml", signature));

    Content submission = new Content(ins, now, Xds.newOid(), Xds.newOid(), documents, parts.get(parts.size() - 1));
    SoapResponse response = connector.call("TD2.1", "repository", ACTION, ins,
        document -> request(document, connector, submission), parts);
    RegistryResponses.check(response.body());
    return documents.stream().map(Prepared::documentOid).toList();
  }

  /**
   * The patient as the DMP knows them (TD1.3a), for the CDA header the CI-SIS requires (name, sex,
   * birth date): the JS2 command does not carry them.
   */
  private static CdaWrapper.Patient patient(DmpConnector connector, String ins) {
    var status = PatientTransactions.administrativeData(connector, ins).patientData().extendedCivilStatus();
    String birthName = status.birthName() == null || status.birthName().isBlank()
        ? status.civilStatus().name() : status.birthName();
    String sex = switch (status.sex()) {
      case 2 -> "M";
      case 3 -> "F";
      default -> "U";
    };
    String birthDate = status.birthDay() == null ? "" : status.birthDay().replaceAll("[^0-9]", "");
    return new CdaWrapper.Patient(birthName, status.civilStatus().given(), sex, birthDate);
  }

  /** One document of a submission, ready to send. */
  private record Prepared(SendDocumentInput input, DocumentType type, DocumentFormats.Format format,
      String documentOid, String replacedUuid, List<DmpHolder> additionalAuthors, String entryId, Attachment part) {}

  /** What one submission carries. */
  private record Content(String ins, java.time.Instant now, String signatureOid, String setOid,
      List<Prepared> documents, Attachment signaturePart) {}

  private static Element request(org.w3c.dom.Document document, DmpConnector connector, Content c) {
    Element request = document.createElementNS(Ns.XDSB, "xdsb:ProvideAndRegisterDocumentSetRequest");
    request.setAttributeNS(Ns.XMLNS, "xmlns:rim", Ns.RIM);
    Element submit = Xml.add(request, Ns.LCM, "lcm:SubmitObjectsRequest");
    Element list = Xml.add(submit, Ns.RIM, "rim:RegistryObjectList");
    SendDocumentInput first = c.documents().get(0).input();
    SubmissionSet.add(list, connector, c.ins(), c.setOid(),
        orDefault(first.submissionSetTitle(), first.documentTitle()), first.submissionSetDescription());
    for (Prepared d : c.documents()) {
      documentEntry(list, connector, c, d);
    }
    signatureEntry(list, connector, c);
    for (Prepared d : c.documents()) {
      Xds.slot(SubmissionSet.association(list, HAS_MEMBER, SubmissionSet.ID, d.entryId()),
          "SubmissionSetStatus", "Original");
    }
    Xds.slot(SubmissionSet.association(list, HAS_MEMBER, SubmissionSet.ID, "Signature01"),
        "SubmissionSetStatus", "Original");
    SubmissionSet.association(list, SIGNS, "Signature01", SubmissionSet.ID);
    for (Prepared d : c.documents()) {
      if (d.replacedUuid() != null) {
        SubmissionSet.association(list, REPLACES, d.entryId(), d.replacedUuid());
      }
    }
    for (Prepared d : c.documents()) {
      include(request, d.entryId(), d.part());
    }
    include(request, "Signature01", c.signaturePart());
    return request;
  }

  private static void documentEntry(Element list, DmpConnector connector, Content c, Prepared d) {
    SendDocumentInput input = d.input();
    int visibility = input.documentVisibility() == null ? 1 : input.documentVisibility();
    Element entry = entry(list, d.entryId(), "text/xml");
    String sourcePatientId = input.localPatientId() != null && !input.localPatientId().isBlank()
        ? input.localPatientId().strip() + "^^^&" + connector.software().senderOid() + "&ISO^PI"
        : connector.patientCx(c.ins());
    slots(entry, connector, c.now(), "fr-FR", sourcePatientId);
    names(entry, input.documentTitle(), input.documentDescription());
    SubmissionSet.author(entry, Xds.AUTHOR, connector);
    for (DmpHolder author : d.additionalAuthors()) {
      SubmissionSet.author(entry, Xds.AUTHOR, author, connector.location());
    }
    Xds.classification(entry, Xds.CLASS_CODE, d.type().classCode(), d.type().classSystem(), d.type().classLabel());
    Xds.classification(entry, Xds.CONFIDENTIALITY, "N", "2.16.840.1.113883.5.25", "Normal");
    if ((visibility & 2) != 0) {
      Xds.classification(entry, Xds.CONFIDENTIALITY, Xds.INVISIBLE_PATIENT, Xds.DMP_CONFIDENTIALITY_SYSTEM,
          "Non visible par le patient");
    }
    if ((visibility & 4) != 0) {
      Xds.classification(entry, Xds.CONFIDENTIALITY, Xds.MASQUE_PS, Xds.DMP_CONFIDENTIALITY_SYSTEM,
          "Masqué aux professionnels de santé");
    }
    for (var event : EventCodes.of(input.eventCodes())) {
      Xds.classification(entry, Xds.EVENT_CODE, event.code(), event.classification(), event.description());
    }
    Xds.classification(entry, Xds.FORMAT_CODE, d.format().formatCode(), d.format().formatSystem(), d.format().label());
    settings(entry, connector, input);
    Xds.classification(entry, Xds.TYPE_CODE, d.type().typeCode(), d.type().typeSystem(), typeLabel(d.type(), input));
    Xds.externalId(entry, Xds.DOC_PATIENT_ID, connector.patientCx(c.ins()), "XDSDocumentEntry.patientId");
    Xds.externalId(entry, Xds.DOC_UNIQUE_ID, d.documentOid(), "XDSDocumentEntry.uniqueId");
  }

  /** The signature document entry (IHE DSG): hidden from everyone, "Source" purpose. */
  private static void signatureEntry(Element list, DmpConnector connector, Content c) {
    Element sig = entry(list, "Signature01", "text/xml");
    slots(sig, connector, c.now(), "art", connector.patientCx(c.ins()));
    names(sig, "Signature", null);
    SubmissionSet.author(sig, Xds.AUTHOR, connector);
    DocumentType signature = DocumentTypes.of(SIGNATURE_TYPE).orElseThrow();
    Xds.classification(sig, Xds.CLASS_CODE, signature.classCode(), signature.classSystem(), signature.classLabel());
    Xds.classification(sig, Xds.CONFIDENTIALITY, "N", "2.16.840.1.113883.5.25", "Normal");
    Xds.classification(sig, Xds.CONFIDENTIALITY, Xds.MASQUE_PS, Xds.DMP_CONFIDENTIALITY_SYSTEM, "Masqué aux PS");
    Xds.classification(sig, Xds.CONFIDENTIALITY, Xds.INVISIBLE_PATIENT, Xds.DMP_CONFIDENTIALITY_SYSTEM,
        "Non visible par le patient");
    Xds.classification(sig, Xds.EVENT_CODE, "1.2.840.10065.1.12.1.14", "1.2.840.10065.1.12", "Source");
    Xds.classification(sig, Xds.FORMAT_CODE, "http://www.w3.org/2000/09/xmldsig#", "URN", "Default Signature Style");
    settings(sig, connector, c.documents().get(0).input());
    Xds.classification(sig, Xds.TYPE_CODE, signature.typeCode(), signature.typeSystem(), signature.typeLabel());
    Xds.externalId(sig, Xds.DOC_PATIENT_ID, connector.patientCx(c.ins()), "XDSDocumentEntry.patientId");
    Xds.externalId(sig, Xds.DOC_UNIQUE_ID, c.signatureOid(), "XDSDocumentEntry.uniqueId");
  }

  /**
   * The slots of an entry, which the ebRIM schema puts before its name and classifications: dates
   * (UTC), language, legal authenticator (the card holder) and source patient id, both required by
   * the ANS mapping of XDS metadata.
   */
  private static void slots(Element entry, DmpConnector connector, java.time.Instant now, String language,
      String sourcePatientId) {
    String time = DmpTime.hl7(now);
    Xds.slot(entry, "creationTime", time);
    Xds.slot(entry, "languageCode", language);
    Xds.slot(entry, "legalAuthenticator", SubmissionSet.person(connector.holder()));
    Xds.slot(entry, "serviceStartTime", time);
    Xds.slot(entry, "sourcePatientId", sourcePatientId);
  }

  /**
   * Healthcare facility type (s_healthcareSetting, JDV_J02) and practice setting of the connector
   * (JDV_J04), each with its official display name.
   */
  private static void settings(Element entry, DmpConnector connector, SendDocumentInput input) {
    Xds.classification(entry, Xds.FACILITY_TYPE, input.healthcareSetting(), "1.2.250.1.71.4.2.4",
        ValueSets.FACILITY_TYPES.labelOr(input.healthcareSetting()));
    Xds.classification(entry, Xds.PRACTICE_SETTING, connector.practiceSetting(), "1.2.250.1.213.1.1.4.9",
        ValueSets.PRACTICE_SETTINGS.labelOr(connector.practiceSetting()));
  }

  /** The typeCode's display name: JDV_J07's, or the document title for a code J07 no longer lists. */
  private static String typeLabel(DocumentType type, SendDocumentInput input) {
    return type.typeLabel().isEmpty() ? input.documentTitle() : type.typeLabel();
  }

  private static Element entry(Element list, String id, String mimeType) {
    return Xml.attrs(Xml.add(list, Ns.RIM, "rim:ExtrinsicObject"), "id", id, "mimeType", mimeType,
        "objectType", Xds.DOCUMENT_ENTRY);
  }

  private static void names(Element entry, String title, String description) {
    Xds.localized(entry, "Name", title);
    Xds.localized(entry, "Description", description);
  }

  private static void include(Element request, String id, Attachment part) {
    Element document = Xml.attrs(Xml.add(request, Ns.XDSB, "xdsb:Document"), "id", id);
    Xml.attrs(Xml.add(document, Ns.XOP, "xop:Include"), "href", "cid:" + part.contentId());
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
