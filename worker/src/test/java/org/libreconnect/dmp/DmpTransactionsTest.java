package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.command.DmpCommands.DmpStatusAnswer;
import org.libreconnect.protocol.command.DmpCommands.FindDocumentsInput;
import org.libreconnect.protocol.command.DmpCommands.SendDocumentInput;
import org.libreconnect.protocol.error.ErrorAnswer;
import org.libreconnect.worker.WorkerErrors;
import org.libreconnect.dmp.errors.DmpRefusedException;
import org.libreconnect.dmp.transport.Attachment;
import org.libreconnect.dmp.transport.SoapFaultException;
import org.libreconnect.dmp.tx.AuthorizationTransactions;
import org.libreconnect.dmp.tx.DocumentRetrieval;
import org.libreconnect.dmp.tx.DocumentSearch;
import org.libreconnect.dmp.tx.DocumentSubmission;
import org.libreconnect.dmp.tx.DocumentUpdate;
import org.libreconnect.dmp.tx.PatientTransactions;
import org.libreconnect.dmp.vihf.LpsIdentity;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class DmpTransactionsTest {
  static final String INS = "279035121518989";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC);
  static TlsFixture tls;
  FakeDmpTransport transport;
  DmpConnector connector;

  @BeforeAll
  static void pki() {
    tls = new TlsFixture();
  }

  @BeforeEach
  void connector() {
    transport = new FakeDmpTransport();
    connector = new DmpConnector(SoftwareCredentials.of(tls.card, tls.doctor),
        DmpUrls.resolve("formation1", null), transport, CLOCK,
        new LpsIdentity("LibreConnect", "0.1.0", "TEST", "2.25.1"), 0, "AMBULATOIRE");
  }

  static final String EXISTS = "<PRPA_IN201308UV02 xmlns=\"urn:hl7-org:v3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
      + "<attentionLine><keyWordText code=\"AUTORISATION\"/><value xsi:type=\"CV\" code=\"VALIDE\"/></attentionLine>"
      + "<attentionLine><keyWordText code=\"STATUT_MT\"/><value xsi:type=\"BL\" value=\"true\"/></attentionLine>"
      + "<acknowledgement typeCode=\"AA\"/><controlActProcess><subject><registrationEvent><subject1><patient>"
      + "<id root=\"1.2.250.1.213.1.4.2\" extension=\"0123456789012345678901\"/><id root=\"1.2.250.1.213.1.4.10\" extension=\"" + INS + "\"/>"
      + "<statusCode code=\"active\"/><patientPerson><name><prefix>MME</prefix><given>NATHALIE</given><family qualifier=\"SP\">DESMAUX</family>"
      + "<family qualifier=\"BR\">DURAND</family></name><administrativeGenderCode code=\"F\"/><birthTime value=\"19790328\"/></patientPerson>"
      + "<subjectOf><administrativeObservation><code code=\"COMPTE_INTERNET_OUVERT\"/><value xsi:type=\"BL\" value=\"true\"/></administrativeObservation></subjectOf>"
      + "</patient></subject1></registrationEvent></subject><queryAck><queryResponseCode code=\"OK\"/></queryAck></controlActProcess></PRPA_IN201308UV02>";

  @Test
  void existenceTestReadsStatusAuthorisationAndIdentity() {
    transport.answer(EXISTS);
    DmpStatusAnswer answer = PatientTransactions.existence(connector, INS);
    assertThat(answer.treatingPhysician()).isEqualTo(1);
    assertThat(answer.existingTestAnswer().dmpStatus()).isEqualTo(1);
    assertThat(answer.existingTestAnswer().userAuthorization()).isEqualTo(2);
    assertThat(answer.existingTestAnswer().sex()).isEqualTo(3);
    assertThat(answer.existingTestAnswer().webAccessIsOpen()).isEqualTo(1);
    assertThat(answer.existingTestAnswer().adminData().patientName()).isEqualTo("DESMAUX");
    assertThat(answer.existingTestAnswer().adminData().insC()).isEqualTo("0123456789012345678901");
    String sent = transport.lastBody();
    assertThat(sent).contains("TEST_EXST").contains("extension=\"" + INS + "\"")
        .contains("urn:hl7-org:v3:PRPA_IN201307UV02").contains("saml2:Assertion")
        .contains(INS + "^^^&amp;1.2.250.1.213.1.4.10&amp;ISO^NH");
    assertThat(transport.requests.get(0).endpoint().toString())
        .isEqualTo("https://formation1.lps2.dmp.gouv.fr/si-dmp-server/v2/services/patients");
  }

  @Test
  void missingDmpIsStatusThreeAndAuthorisationError() {
    transport.answer("<PRPA_IN201308UV02 xmlns=\"urn:hl7-org:v3\"><acknowledgement typeCode=\"AA\"/><controlActProcess>"
        + "<queryAck><queryResponseCode code=\"NF\"/></queryAck></controlActProcess></PRPA_IN201308UV02>");
    DmpStatusAnswer answer = PatientTransactions.existence(connector, INS);
    assertThat(answer.existingTestAnswer().dmpStatus()).isEqualTo(3);
    assertThat(answer.existingTestAnswer().userAuthorization()).isEqualTo(1);
  }

  @Test
  void hl7RefusalKeepsTheDmpCodeAndText() {
    transport.answer("<PRPA_IN201308UV02 xmlns=\"urn:hl7-org:v3\"><acknowledgement typeCode=\"AE\"><acknowledgementDetail>"
        + "<code code=\"DMPClosed\"/><text>Le DMP est fermé</text></acknowledgementDetail></acknowledgement></PRPA_IN201308UV02>");
    assertThatThrownBy(() -> PatientTransactions.existence(connector, INS))
        .isInstanceOfSatisfying(DmpRefusedException.class, e -> {
          assertThat(e.code()).isEqualTo("DMPClosed");
          assertThat(e.text()).isEqualTo("Le DMP est fermé");
        });
  }

  @Test
  void administrativeDataMapsCivilStatusAndBirthName() {
    transport.answer(EXISTS);
    var answer = PatientTransactions.administrativeData(connector, INS);
    assertThat(answer.patientData().extendedCivilStatus().birthName()).isEqualTo("DURAND");
    assertThat(answer.patientData().extendedCivilStatus().civilStatus().gender()).isEqualTo(3);
    assertThat(transport.lastBody()).contains("CNSLT_DATA");
  }

  @Test
  void authorisationStatusOtherThanOkIsARefusal() {
    transport.answer("<h:setAuthorizationResponse xmlns:h=\"urn:si-dmp-habilitations\"><output><status>DMPOk</status>"
        + "<context>Autorisation déjà présente aucune action effectuée</context></output></h:setAuthorizationResponse>");
    assertThat(AuthorizationTransactions.update(connector, INS, 1, true)).startsWith("Autorisation déjà présente");
    assertThat(transport.lastBody()).contains("AJOUT").contains("MEDECIN_TRAITANT");
    transport.answer("<h:setAuthorizationResponse xmlns:h=\"urn:si-dmp-habilitations\"><output><status>DMPAccessDeniedByRightsService</status>"
        + "<context>Action interdite</context></output></h:setAuthorizationResponse>");
    assertThatThrownBy(() -> AuthorizationTransactions.update(connector, INS, 2, false))
        .isInstanceOf(DmpRefusedException.class).hasMessageContaining("DMPAccessDeniedByRightsService");
  }

  @Test
  void authorisationListReadsModesAndTreatingPhysician() {
    transport.answer("<h:listAuthorizationByPatientResponse xmlns:h=\"urn:si-dmp-habilitations\"><output>"
        + "<listOfAuthorizationByPatient><nationalId>899900063480</nationalId><nationalIdType>1.2.250.1.71.4.2.1</nationalIdType>"
        + "<firstName>MAX</firstName><lastName>LIBRE</lastName><codeSpeciality>G15_10/SM26</codeSpeciality><mode>ACTIVE</mode>"
        + "<specificRight>MEDECIN_TRAITANT</specificRight></listOfAuthorizationByPatient><status>DMPOk</status></output>"
        + "</h:listAuthorizationByPatientResponse>");
    var list = AuthorizationTransactions.list(connector, INS, 1);
    assertThat(list).singleElement().satisfies(a -> {
      assertThat(a.authorizationType()).isEqualTo(1);
      assertThat(a.generalPractitionner()).isEqualTo(1);
      assertThat(a.name()).isEqualTo("LIBRE");
    });
    assertThat(transport.lastBody()).contains(">TOUTE<");
  }

  static String extrinsic(String uuid, String uniqueId, String status) {
    return "<rim:ExtrinsicObject xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\" id=\"" + uuid + "\" lid=\"" + uuid
        + "\" status=\"" + status + "\" mimeType=\"text/xml\">"
        + "<rim:Slot name=\"creationTime\"><rim:ValueList><rim:Value>20260315100000</rim:Value></rim:ValueList></rim:Slot>"
        + "<rim:Name><rim:LocalizedString value=\"Compte rendu\"/></rim:Name>"
        + "<rim:Classification classificationScheme=\"urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d\" nodeRepresentation=\"urn:ihe:iti:xds-sd:pdf:2008\"/>"
        + "<rim:Classification classificationScheme=\"urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f\" nodeRepresentation=\"MASQUE_PS\"/>"
        + "<rim:Classification classificationScheme=\"urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d\" nodeRepresentation=\"\">"
        + "<rim:Slot name=\"authorPerson\"><rim:ValueList><rim:Value>899900063480^LIBRE^MAX^^^^^^&amp;1.2.250.1.71.4.2.1&amp;ISO^D^^^IDNPS</rim:Value></rim:ValueList></rim:Slot>"
        + "<rim:Slot name=\"authorSpecialty\"><rim:ValueList><rim:Value>G15_10/SM26^Médecin^1.2.250.1.213.1.1.4.5</rim:Value></rim:ValueList></rim:Slot></rim:Classification>"
        + "<rim:ExternalIdentifier identificationScheme=\"urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab\" value=\"" + uniqueId + "\"/>"
        + "</rim:ExtrinsicObject>";
  }

  static String queryAnswer(String... objects) {
    return "<q:AdhocQueryResponse xmlns:q=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\" status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\">"
        + "<rim:RegistryObjectList xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">" + String.join("", objects)
        + "</rim:RegistryObjectList></q:AdhocQueryResponse>";
  }

  static FindDocumentsInput findInput() {
    return new FindDocumentsInput(INS, null, null, null, null, null, null, null, null, null, null, null, null, 5, null, null);
  }

  @Test
  void findDocumentsGivesHandlesAndReadsMetadata() {
    transport.answer(queryAnswer(extrinsic("urn:uuid:1", "1.2.3.1", "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved"),
        extrinsic("urn:uuid:2", "1.2.3.2", "urn:asip:ci-sis:2010:StatusType:Archived")));
    transport.answer("<q:AdhocQueryResponse xmlns:q=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\""
        + " xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\""
        + " status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"><rim:RegistryObjectList>"
        + "<rim:RegistryPackage id=\"urn:uuid:set\"><rim:Slot name=\"submissionTime\"><rim:ValueList>"
        + "<rim:Value>20250110101500</rim:Value></rim:ValueList></rim:Slot></rim:RegistryPackage>"
        + "<rim:Association id=\"a\" associationType=\"urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember\""
        + " sourceObject=\"urn:uuid:set\" targetObject=\"urn:uuid:2\"/></rim:RegistryObjectList></q:AdhocQueryResponse>");
    var found = DocumentSearch.find(connector, INS, findInput());
    assertThat(found).hasSize(2);
    assertThat(found.get(1).submissionDate()).isEqualTo("20250110101500");
    assertThat(found.get(0).submissionDate()).isEmpty();
    assertThat(transport.lastBody()).contains("urn:uuid:51224314-5390-4169-9b91-b1980040715a")
        .contains("('urn:uuid:1','urn:uuid:2')");
    assertThat(found.get(0).documentFormat()).isEqualTo(5);
    assertThat(found.get(0).documentVisibility()).isEqualTo(4);
    assertThat(found.get(1).documentStatus()).isEqualTo(4);
    assertThat(found.get(0).authors()).singleElement().satisfies(a -> {
      assertThat(a.hpInternalId()).isEqualTo("899900063480");
      assertThat(a.hpSpeciality()).isEqualTo("SM26");
    });
    assertThat(connector.handles().get(found.get(1).handle()).uniqueId()).isEqualTo("1.2.3.2");
    assertThat(transport.bodyOf(0)).contains("urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d")
        .contains("StatusType:Approved").contains("StatusType:Archived");
  }

  @Test
  void registryFailureKeepsTheXdsCode() {
    transport.answer("<q:AdhocQueryResponse xmlns:q=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\" status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure\">"
        + "<rs:RegistryErrorList xmlns:rs=\"urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0\"><rs:RegistryError errorCode=\"XDSRegistryError\" codeContext=\"Patient inconnu\" severity=\"urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error\"/></rs:RegistryErrorList></q:AdhocQueryResponse>");
    ErrorAnswer answer = new WorkerErrors().toAnswer(
        catchThrowable(() -> DocumentSearch.find(connector, INS, findInput())), "hl_findDocuments");
    assertThat(answer.apiErrorType()).isEqualTo(2);
    assertThat(answer.apiErrorDescription()).isEqualTo("XDSRegistryError: Patient inconnu");
    assertThat(answer.apiErrorExtendedInformations()).contains("code=XDSRegistryError");
  }

  @Test
  void soapFaultBecomesTypeTwoWithTheDmpCode() {
    transport.fail(new SoapFaultException("soap:Sender", "DMPAccessDeniedByRightsService", "Accès refusé", new byte[0]));
    ErrorAnswer answer = new WorkerErrors().toAnswer(
        catchThrowable(() -> PatientTransactions.existence(connector, INS)), "hl_getDirectAuthenticationDMPStatus");
    assertThat(answer.status().name()).isEqualTo("API_ERROR");
    assertThat(answer.apiErrorType()).isEqualTo(2);
    assertThat(answer.apiErrorDescription()).isEqualTo("DMPAccessDeniedByRightsService: Accès refusé");
  }

  @Test
  void retrieveUnwrapsThePdfFromTheMtomPart() {
    byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
    String cda = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>CR</title><documentationOf><serviceEvent><performer><assignedEntity>"
        + "<id root=\"1.2.250.1.71.4.2.1\" extension=\"899900063480\"/><assignedPerson><name><given>MAX</given><family>LIBRE</family></name></assignedPerson>"
        + "</assignedEntity></performer></serviceEvent></documentationOf><component><nonXMLBody><text mediaType=\"application/pdf\" representation=\"B64\">"
        + Base64.getEncoder().encodeToString(pdf) + "</text></nonXMLBody></component></ClinicalDocument>";
    transport.answer("<x:RetrieveDocumentSetResponse xmlns:x=\"urn:ihe:iti:xds-b:2007\"><rs:RegistryResponse xmlns:rs=\"urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0\" "
        + "status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"/><x:DocumentResponse><x:DocumentUniqueId>1.2.3</x:DocumentUniqueId>"
        + "<x:Document><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:1.urn%3Auuid%3Aabc%40urn%3Aihe%3Aiti%3Axds-b%3A2007\"/></x:Document>"
        + "</x:DocumentResponse></x:RetrieveDocumentSetResponse>",
        new Attachment("1.urn:uuid:abc@urn:ihe:iti:xds-b:2007", "text/xml", cda.getBytes(StandardCharsets.UTF_8)));
    var answer = DocumentRetrieval.retrieve(connector, INS, "1.2.3", true, true);
    assertThat(Base64.getDecoder().decode(answer.fileContentInBase64())).isEqualTo(pdf);
    assertThat(answer.documentFormat()).isEqualTo(5);
    assertThat(answer.performer().hp().hpName()).isEqualTo("LIBRE");
    assertThat(new String(Base64.getDecoder().decode(answer.cdaHeadersInBase64()), StandardCharsets.UTF_8))
        .contains("<title>CR</title>").doesNotContain("nonXMLBody");
  }

  @Test
  void sendDocumentWrapsSignsAndSendsTwoMtomParts() throws Exception {
    transport.answer(EXISTS);
    transport.answer("<rs:RegistryResponse xmlns:rs=\"urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0\" status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"/>");
    byte[] pdf = "%PDF-1.4 document".getBytes(StandardCharsets.US_ASCII);
    var input = new SendDocumentInput(INS, Base64.getEncoder().encodeToString(pdf), "Compte rendu", "desc", "11488-4",
        1, 5, "SA07", null, null, null, null, null, null, null,
        new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"#0\":{\"s_hpInternalId\":\"810001234567\","
            + "\"s_hpName\":\"AUTRE\",\"s_hpGiven\":\"ANNE\",\"s_hpProfession\":\"60\"}}"), null, null);
    var answer = DocumentSubmission.send(connector, INS, input);
    assertThat(answer.uniqueId()).startsWith("2.25.");
    assertThat(transport.requests.get(0).action()).isEqualTo("urn:hl7-org:v3:PRPA_IN201307UV02");
    var request = transport.requests.get(1);
    assertThat(request.action()).isEqualTo("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b");
    assertThat(request.attachments()).hasSize(2);
    String cda = new String(request.attachments().get(0).content(), StandardCharsets.UTF_8);
    assertThat(cda).contains(Base64.getEncoder().encodeToString(pdf)).contains("application/pdf").contains(answer.uniqueId())
        .contains("<family qualifier=\"BR\">DURAND</family>").contains("<templateId root=\"1.2.250.1.213.1.1.1.1\"/>")
        .contains("extension=\"810001234567\"").contains("code=\"G15_60\"");
    String body = transport.lastBody();
    assertThat(body).contains("urn:ihe:iti:2007:AssociationType:signs").contains("cid:doc1@libreconnect.org")
        .contains("11488-4").contains("SA07").contains("AMBULATOIRE").contains("G15_10/SM26")
        .contains("810001234567^AUTRE^ANNE^^^^^^&amp;1.2.250.1.71.4.2.1&amp;ISO^D^^^IDNPS");

    // The XAdES signature verifies with the signature certificate over the canonical SignedInfo.
    Document signature = Xml.parse(request.attachments().get(1).content());
    Element signedInfo = Xml.child(signature.getDocumentElement(), "SignedInfo").orElseThrow();
    String canonical = new String(request.attachments().get(1).content(), StandardCharsets.UTF_8);
    canonical = canonical.substring(canonical.indexOf("<ds:SignedInfo"), canonical.indexOf("</ds:SignedInfo>") + 16);
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(tls.card.signatureCertificate());
    verifier.update(canonical.getBytes(StandardCharsets.UTF_8));
    assertThat(verifier.verify(Base64.getMimeDecoder().decode(Xml.text(signature.getDocumentElement(), "SignatureValue"))))
        .isTrue();
    assertThat(signedInfo.getTextContent()).isNotEmpty();
    assertThat(canonical).contains("#IHEManifest");
  }

  private SendDocumentInput send(String category, String informants, String treatingPhysician) throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    return new SendDocumentInput(INS, Base64.getEncoder().encodeToString("texte".getBytes(StandardCharsets.UTF_8)),
        "Synthèse", null, category, 1, 1, "SA07", null, null, null, null, null,
        informants == null ? null : json.readTree(informants),
        treatingPhysician == null ? null : json.readTree(treatingPhysician), null, null, null);
  }

  @Test
  void classCodeComesFromTheTypeCodeByTheAnsTableAndLabelsAreTheOfficialOnes() throws Exception {
    transport.answer(EXISTS);
    transport.answer("<rs:RegistryResponse xmlns:rs=\"urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0\" status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"/>");

    DocumentSubmission.send(connector, INS, send("SYNTH", null, null));

    String body = transport.lastBody();
    assertThat(body).contains("nodeRepresentation=\"11\"").contains("value=\"Synthèse\"")
        .doesNotContain("nodeRepresentation=\"10\"")
        // typeCode SYNTH is a TRE_A05 code, not LOINC
        .contains("nodeRepresentation=\"SYNTH\"").contains("1.2.250.1.213.1.1.4.12")
        // the signature's class is the table's too
        .contains("urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1")
        // contentTypeCode: TRE_R209 with its label, not the code again
        .contains("nodeRepresentation=\"07\"").contains("value=\"Consultation Soins Externes\"")
        // facility type and practice setting carry their JDV labels
        .contains("value=\"Ambulatoire\"").doesNotContain("value=\"SA07\"");
    String cda = new String(transport.requests.get(1).attachments().get(0).content(), StandardCharsets.UTF_8);
    assertThat(cda).contains("<code code=\"SYNTH\" codeSystem=\"1.2.250.1.213.1.1.4.12\"");
  }

  @Test
  void aCategoryOutsideTheAnsTableIsAnInvalidParameterBeforeAnythingIsSent() throws Exception {
    assertThatThrownBy(() -> DocumentSubmission.send(connector, INS, send("99999-9", null, null)))
        .isInstanceOf(org.libreconnect.protocol.error.InvalidParameterException.class)
        .hasMessageContaining("s_documentCategory").hasMessageNotContaining("99999-9");
    assertThatThrownBy(() -> DocumentSubmission.send(connector, INS, send("E1762", null, null)))
        .isInstanceOf(org.libreconnect.protocol.error.InvalidParameterException.class);
    assertThat(transport.requests).isEmpty();
  }

  @Test
  void informantsAndTheTreatingPhysicianGoInTheCdaHeader() throws Exception {
    transport.answer(EXISTS);
    transport.answer("<rs:RegistryResponse xmlns:rs=\"urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0\" status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"/>");

    DocumentSubmission.send(connector, INS, send("11488-4",
        "[{\"s_name\":\"MARTIN\",\"s_given\":\"JEAN\",\"i_type\":3,"
            + "\"Telecoms\":[{\"i_type\":1,\"s_value\":\"01 02 03 04 05\"}],"
            + "\"Addresses\":[{\"s_city\":\"PARIS\",\"s_postalCode\":\"75012\"}]},"
            + "{\"s_name\":\"URGENCE\",\"i_type\":2}]",
        "{\"s_hpInternalId\":\"810100000001\",\"s_hpName\":\"TRAITANT\",\"s_hpGiven\":\"ANNE\","
            + "\"s_hpProfession\":\"10\",\"s_hpSpecialty\":\"SM54\"}"));

    String cda = new String(transport.requests.get(1).attachments().get(0).content(), StandardCharsets.UTF_8);
    assertThat(cda).contains("<informant><relatedEntity classCode=\"NOK\"><addr><postalCode>75012</postalCode>"
            + "<city>PARIS</city></addr><telecom value=\"tel:0102030405\"/><relatedPerson><name><given>JEAN</given>"
            + "<family>MARTIN</family></name></relatedPerson></relatedEntity></informant>")
        .contains("<relatedEntity classCode=\"ECON\">")
        .contains("<participant typeCode=\"INF\"><functionCode code=\"PCP\" codeSystem=\"2.16.840.1.113883.5.88\"")
        .contains("<associatedEntity classCode=\"PROV\">").contains("extension=\"810100000001\"")
        .contains("code=\"G15_10/SM54\"");
    // CDA R2 order: informant between author and custodian, participant between legalAuthenticator and documentationOf
    assertThat(cda.indexOf("<informant>")).isGreaterThan(cda.lastIndexOf("</author>"))
        .isLessThan(cda.indexOf("<custodian>"));
    assertThat(cda.indexOf("<participant")).isGreaterThan(cda.indexOf("</legalAuthenticator>"))
        .isLessThan(cda.indexOf("<documentationOf>"));
  }

  @Test
  void anInformantWithoutANameIsAnInvalidParameter() throws Exception {
    assertThatThrownBy(() -> DocumentSubmission.send(connector, INS, send("11488-4", "[{\"i_type\":1}]", null)))
        .isInstanceOf(org.libreconnect.protocol.error.InvalidParameterException.class)
        .hasMessageContaining("Informants");
  }

  private SendDocumentInput structured(byte[] cda, int format, String category) {
    return new SendDocumentInput(INS, Base64.getEncoder().encodeToString(cda), "Synthèse", null, category, 1, format,
        "SA07", null, null, null, null, null, null, null, null, null, null);
  }

  @Test
  void aStructuredDocumentIsSentAsItIsWithTheFormatCodeOfItsModel() throws Exception {
    transport.answer("<rs:RegistryResponse xmlns:rs=\"urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0\" status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"/>");
    byte[] vsm = DmpSimulatorRoundTripTest.structuredSummary(INS, Instant.parse("2025-06-02T08:30:00Z"));

    var answer = DocumentSubmission.send(connector, INS, structured(vsm, 6, "SYNTH"));

    assertThat(transport.requests).hasSize(1);
    assertThat(transport.requests.get(0).attachments().get(0).content()).isEqualTo(vsm);
    assertThat(answer.uniqueId()).isEqualTo(Xml.attr(Xml.parse(vsm).getDocumentElement(), "root", "id"));
    assertThat(transport.lastBody()).contains("nodeRepresentation=\"urn:asip:ci-sis:vsm:2012\"")
        .contains("1.2.250.1.213.1.1.4.2.282").contains("value=\"Synthèse médicale\"");
  }

  @Test
  void aStructuredDocumentTheDmpWouldRefuseIsAClearInvalidParameterAndNothingIsSent() {
    byte[] vsm = DmpSimulatorRoundTripTest.structuredSummary(INS, Instant.parse("2025-06-02T08:30:00Z"));
    String text = new String(vsm, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> DocumentSubmission.send(connector, INS,
        structured("pas du XML".getBytes(StandardCharsets.UTF_8), 6, "SYNTH")))
        .hasMessageContaining("s_fileContentBase64").hasMessageContaining("CDA R2");
    assertThatThrownBy(() -> DocumentSubmission.send(connector, INS,
        structured(text.replace("<title>", "<inconnu/><title>").getBytes(StandardCharsets.UTF_8), 6, "SYNTH")))
        .hasMessageContaining("CDA_extended.xsd").hasMessageContaining("cvc-complex-type.2.4.a")
        .hasMessageNotContaining("inconnu");
    assertThatThrownBy(() -> DocumentSubmission.send(connector, INS, structured(vsm, 40, "SYNTH")))
        .hasMessageContaining("1.2.250.1.213.1.1.1.22");
    assertThatThrownBy(() -> DocumentSubmission.send(connector, INS, structured(vsm, 6, "11488-4")))
        .hasMessageContaining("s_documentCategory");
    assertThatThrownBy(() -> DocumentSubmission.send(connector, INS, structured(vsm, 8, "SYNTH")))
        .hasMessageContaining("i_documentFormat");
    assertThat(transport.requests).isEmpty();
  }

  @Test
  void deleteLooksTheDocumentUpThenChangesItsStatus() {
    transport.answer(queryAnswer(extrinsic("urn:uuid:9", "1.2.3.9", "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved")));
    transport.answer("<rs:RegistryResponse xmlns:rs=\"urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0\" status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"/>");
    DocumentUpdate.delete(connector, INS, "1.2.3.9");
    assertThat(transport.requests).hasSize(2);
    assertThat(transport.requests.get(1).action()).isEqualTo("urn:ihe:iti:2010:UpdateDocumentSet");
    assertThat(transport.lastBody()).contains("UpdateAvailabilityStatus").contains("urn:asip:ci-sis:2010:StatusType:Deleted")
        .contains("targetObject=\"urn:uuid:9\"");
  }

  @Test
  void visibilityUpdateSendsANewVersionWithTheFlags() {
    transport.answer(queryAnswer(extrinsic("urn:uuid:9", "1.2.3.9", "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved")));
    transport.answer("<rs:RegistryResponse xmlns:rs=\"urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0\" status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"/>");
    DocumentUpdate.visibility(connector, INS, "1.2.3.9", 2);
    String body = transport.lastBody();
    assertThat(body).contains("INVISIBLE_PATIENT").doesNotContain("MASQUE_PS").contains("lid=\"urn:uuid:9\"")
        .contains("PreviousVersion");
  }

  private static Throwable catchThrowable(Runnable runnable) {
    try {
      runnable.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("no failure");
  }

  @Test
  void webPsUrlsAreTheEightPagesOfTheHost() {
    assertThat(connector.urls().webPsUrls(INS)).hasSize(8).first()
        .isEqualTo("https://formation1.ps.dmp.gouv.fr/AccesDirect/TableauDeBord/" + INS);
  }
}
