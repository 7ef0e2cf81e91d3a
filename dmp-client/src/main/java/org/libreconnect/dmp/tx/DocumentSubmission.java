package org.libreconnect.dmp.tx;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.libreconnect.protocol.command.DmpCommands.SendDocumentAnswer;
import org.libreconnect.protocol.command.DmpCommands.SendDocumentInput;
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
 * TD2.1: provide and register one document (ITI-41, MTOM; dmp.md §2.8). The file is wrapped in a
 * CDA document; the submission set carries it and the XAdES signature document made with the
 * card's signature key, linked by a {@code signs} association.
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
    byte[] content;
    try {
      content = Base64.getMimeDecoder().decode(input.fileContentBase64());
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("s_fileContentBase64", "must be base64");
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
    String signatureOid = Xds.newOid();
    String setOid = Xds.newOid();
    var now = connector.clock().instant();
    List<DmpHolder> additional = AdditionalAuthors.of(input.additionalAuthors());
    List<CdaWrapper.Informant> informants = Informants.of(input.informants());
    DmpHolder treatingPhysician = input.treatingPhysician() == null || input.treatingPhysician().isNull()
        || input.treatingPhysician().isEmpty() ? null : AdditionalAuthors.hp(input.treatingPhysician(), "TreatingPhysician");
    byte[] cda = structured != null ? content : new CdaWrapper().wrap(new CdaWrapper.Header(documentOid,
        input.documentTitle(), type.typeCode(), type.typeSystem(), typeLabel(type, input), connector.patientCx(ins), ins,
        PatientIds.authority(connector.urls().isProduction()), connector.holder(), connector.location(),
        connector.practiceSetting(), input.healthcareSetting(), now, patient(connector, ins), additional, informants,
        treatingPhysician),
        content, format.mimeType());
    Map<String, byte[]> signed = new LinkedHashMap<>();
    signed.put(documentOid, cda);
    byte[] signature = new SubmissionSignature().sign(signed, connector.credentials().signatureCertificate(), now,
        connector.credentials()::signSha256);
    List<Attachment> parts = List.of(new Attachment("doc1@libreconnect.org", "text/xml", cda),
        new Attachment("sig1@libreconnect.org", "text/xml", signature));

    Content submission = new Content(ins, input, type, now, documentOid, signatureOid, setOid, format, replacedUuid,
        parts, additional);
    SoapResponse response = connector.call("TD2.1", "repository", ACTION, ins,
        document -> request(document, connector, submission), parts);
    RegistryResponses.check(response.body());
    return new SendDocumentAnswer(documentOid, null);
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

  /** What one submission carries. */
  private record Content(String ins, SendDocumentInput input, DocumentType type, java.time.Instant now,
      String documentOid,
      String signatureOid, String setOid, DocumentFormats.Format format, String replacedUuid, List<Attachment> parts,
      List<DmpHolder> additionalAuthors) {}

  private static Element request(org.w3c.dom.Document document, DmpConnector connector, Content c) {
    Element request = document.createElementNS(Ns.XDSB, "xdsb:ProvideAndRegisterDocumentSetRequest");
    request.setAttributeNS(Ns.XMLNS, "xmlns:rim", Ns.RIM);
    Element submit = Xml.add(request, Ns.LCM, "lcm:SubmitObjectsRequest");
    Element list = Xml.add(submit, Ns.RIM, "rim:RegistryObjectList");
    SubmissionSet.add(list, connector, c.ins(), c.setOid(),
        orDefault(c.input().submissionSetTitle(), c.input().documentTitle()), c.input().submissionSetDescription());
    documentEntry(list, connector, c);
    signatureEntry(list, connector, c);
    Xds.slot(SubmissionSet.association(list, HAS_MEMBER, SubmissionSet.ID, "Document01"),
        "SubmissionSetStatus", "Original");
    Xds.slot(SubmissionSet.association(list, HAS_MEMBER, SubmissionSet.ID, "Signature01"),
        "SubmissionSetStatus", "Original");
    SubmissionSet.association(list, SIGNS, "Signature01", SubmissionSet.ID);
    if (c.replacedUuid() != null) {
      SubmissionSet.association(list, REPLACES, "Document01", c.replacedUuid());
    }
    include(request, "Document01", c.parts().get(0));
    include(request, "Signature01", c.parts().get(1));
    return request;
  }

  private static void documentEntry(Element list, DmpConnector connector, Content c) {
    SendDocumentInput input = c.input();
    int visibility = input.documentVisibility() == null ? 1 : input.documentVisibility();
    Element entry = entry(list, "Document01", "text/xml");
    String sourcePatientId = input.localPatientId() != null && !input.localPatientId().isBlank()
        ? input.localPatientId().strip() + "^^^&" + connector.software().senderOid() + "&ISO^PI"
        : connector.patientCx(c.ins());
    slots(entry, connector, c, "fr-FR", sourcePatientId);
    names(entry, input.documentTitle(), input.documentDescription());
    SubmissionSet.author(entry, Xds.AUTHOR, connector);
    for (DmpHolder author : c.additionalAuthors()) {
      SubmissionSet.author(entry, Xds.AUTHOR, author, connector.location());
    }
    Xds.classification(entry, Xds.CLASS_CODE, c.type().classCode(), c.type().classSystem(), c.type().classLabel());
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
    Xds.classification(entry, Xds.FORMAT_CODE, c.format().formatCode(), c.format().formatSystem(), c.format().label());
    settings(entry, connector, input);
    Xds.classification(entry, Xds.TYPE_CODE, c.type().typeCode(), c.type().typeSystem(), typeLabel(c.type(), input));
    Xds.externalId(entry, Xds.DOC_PATIENT_ID, connector.patientCx(c.ins()), "XDSDocumentEntry.patientId");
    Xds.externalId(entry, Xds.DOC_UNIQUE_ID, c.documentOid(), "XDSDocumentEntry.uniqueId");
  }

  /** The signature document entry (IHE DSG): hidden from everyone, "Source" purpose. */
  private static void signatureEntry(Element list, DmpConnector connector, Content c) {
    Element sig = entry(list, "Signature01", "text/xml");
    slots(sig, connector, c, "art", connector.patientCx(c.ins()));
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
    settings(sig, connector, c.input());
    Xds.classification(sig, Xds.TYPE_CODE, signature.typeCode(), signature.typeSystem(), signature.typeLabel());
    Xds.externalId(sig, Xds.DOC_PATIENT_ID, connector.patientCx(c.ins()), "XDSDocumentEntry.patientId");
    Xds.externalId(sig, Xds.DOC_UNIQUE_ID, c.signatureOid(), "XDSDocumentEntry.uniqueId");
  }

  /**
   * The slots of an entry, which the ebRIM schema puts before its name and classifications: dates
   * (UTC), language, legal authenticator (the card holder) and source patient id, both required by
   * the ANS mapping of XDS metadata.
   */
  private static void slots(Element entry, DmpConnector connector, Content c, String language,
      String sourcePatientId) {
    String time = DmpTime.hl7(c.now());
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
