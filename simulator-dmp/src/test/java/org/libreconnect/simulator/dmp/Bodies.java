package org.libreconnect.simulator.dmp;

/** Request bodies and Actions composed from dmp.md §2 (our own messages). */
final class Bodies {
  static final String TD02_ACTION = "urn:hl7-org:v3:PRPA_IN201307UV02";
  static final String TD03_ACTION =
      "urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization";
  static final String TD04_ACTION = "urn:si-dmp-patients:PatientSpecificEndPoint:patientList";
  static final String TD16_ACTION =
      "urn:si-dmp-habilitations:HabilitationsEndPoint:listAuthorizationByPatient";
  static final String TD21_ACTION = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";
  static final String TD31_ACTION = "urn:ihe:iti:2007:RegistryStoredQuery";
  static final String TD32_ACTION = "urn:ihe:iti:2007:RetrieveDocumentSet";
  static final String TD33_ACTION = "urn:ihe:iti:2010:UpdateDocumentSet";
  static final String FIND_DOCUMENTS = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";
  static final String GET_DOCUMENTS = "urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4";
  static final String APPROVED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";
  static final String ARCHIVED = "urn:asip:ci-sis:2010:StatusType:Archived";
  static final String DELETED = "urn:asip:ci-sis:2010:StatusType:Deleted";
  static final String REPOSITORY = "1.2.250.1.213.4.1.1.1.2";

  private Bodies() {}

  /** TD0.2 ({@code TEST_EXST}) or TD1.3a ({@code CNSLT_DATA}) for {@code ins}. */
  static String patientQuery(String ins, String reason) {
    return "<PRPA_IN201307UV02 xmlns=\"urn:hl7-org:v3\" ITSVersion=\"XML_1.0\">"
        + "<id root=\"1.2.250.1.999.1\" extension=\"req-1\"/>"
        + "<creationTime value=\"20250602083000\"/>"
        + "<interactionId root=\"2.16.840.1.113883.1.6\" extension=\"PRPA_IN201307UV02\"/>"
        + "<processingCode code=\"D\"/><processingModeCode code=\"T\"/><acceptAckCode code=\"AL\"/>"
        + "<receiver typeCode=\"RCV\"><device classCode=\"DEV\" determinerCode=\"INSTANCE\">"
        + "<id root=\"1.2.250.1.213.4.1.1.1\"/><softwareName>DMP</softwareName></device></receiver>"
        + "<sender typeCode=\"SND\"><device classCode=\"DEV\" determinerCode=\"INSTANCE\">"
        + "<id root=\"1.2.250.1.999\"/><softwareName>LibreConnect</softwareName></device></sender>"
        + "<attentionLine xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\"/>"
        + "<controlActProcess classCode=\"CACT\" moodCode=\"EVN\">"
        + "<reasonCode code=\"" + reason + "\" codeSystem=\"1.2.250.1.213.1.1.4.11\"/>"
        + "<queryByParameter><queryId root=\"1.2.250.1.999.2\" extension=\"query-1\"/>"
        + "<statusCode code=\"new\"/><parameterList><patientIdentifier>"
        + "<value root=\"1.2.250.1.213.1.4.10\" extension=\"" + ins + "\"/>"
        + "<semanticsText>Patient.id</semanticsText></patientIdentifier></parameterList>"
        + "</queryByParameter></controlActProcess></PRPA_IN201307UV02>";
  }

  static String setAuthorization(String action, String role) {
    return "<setAuthorization xmlns=\"urn:si-dmp-habilitations\"><action>" + action + "</action>"
        + (role == null ? "" : "<role>" + role + "</role>") + "</setAuthorization>";
  }

  static String patientList(String startDate, String dateType) {
    return "<patientList xmlns=\"urn:si-dmp-patients\"><startDate>" + startDate + "</startDate>"
        + "<dateType>" + dateType + "</dateType></patientList>";
  }

  static String listAuthorizations(String mode) {
    return "<listAuthorizationByPatient xmlns=\"urn:si-dmp-habilitations\"><mode>" + mode
        + "</mode></listAuthorizationByPatient>";
  }

  static String findDocuments(String ins, String returnType, String... statuses) {
    StringBuilder status = new StringBuilder("(");
    for (int i = 0; i < statuses.length; i++) {
      status.append(i == 0 ? "" : ",").append('\'').append(statuses[i]).append('\'');
    }
    return adhocQuery(FIND_DOCUMENTS, returnType,
        slot("$XDSDocumentEntryPatientId", "'" + cx(ins) + "'")
            + slot("$XDSDocumentEntryStatus", status.append(')').toString()));
  }

  static String getDocuments(String uniqueId) {
    return adhocQuery(GET_DOCUMENTS, "LeafClass",
        slot("$XDSDocumentEntryUniqueId", "('" + uniqueId + "')"));
  }

  static String adhocQuery(String queryId, String returnType, String slots) {
    return "<query:AdhocQueryRequest xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\""
        + " xmlns=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">"
        + "<query:ResponseOption returnComposedObjects=\"true\" returnType=\"" + returnType + "\"/>"
        + "<AdhocQuery id=\"" + queryId + "\">" + slots + "</AdhocQuery></query:AdhocQueryRequest>";
  }

  static String retrieve(String repository, String... uniqueIds) {
    StringBuilder xml = new StringBuilder(
        "<RetrieveDocumentSetRequest xmlns=\"urn:ihe:iti:xds-b:2007\">");
    for (String uniqueId : uniqueIds) {
      xml.append("<DocumentRequest><RepositoryUniqueId>").append(repository)
          .append("</RepositoryUniqueId><DocumentUniqueId>").append(uniqueId)
          .append("</DocumentUniqueId></DocumentRequest>");
    }
    return xml.append("</RetrieveDocumentSetRequest>").toString();
  }

  /**
   * An ITI-41 submission of one CDA document {@code uniqueId} for {@code ins}; its content is
   * the MTOM part {@code contentId} (or inline base64 when {@code contentId} starts with "b64:").
   */
  static String provideAndRegister(String ins, String uniqueId, String contentId,
      String extraSlots) {
    String document = contentId.startsWith("b64:")
        ? contentId.substring(4)
        : "<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:"
            + contentId + "\"/>";
    return "<xdsb:ProvideAndRegisterDocumentSetRequest xmlns:xdsb=\"urn:ihe:iti:xds-b:2007\""
        + " xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\""
        + " xmlns=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\"><lcm:SubmitObjectsRequest>"
        + "<RegistryObjectList>" + submissionSet(ins)
        + "<ExtrinsicObject id=\"Document01\" mimeType=\"text/xml\""
        + " objectType=\"urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1\">"
        + slot("creationTime", "20250602080000") + slot("languageCode", "fr-FR")
        + slot("serviceStartTime", "20250602073000") + slot("serviceStopTime", "20250602080000")
        + slot("legalAuthenticator",
            "899900063480^LIBRE^MAX^^^^^^&amp;1.2.250.1.71.4.2.1&amp;ISO^D^^^IDNPS")
        + slot("sourcePatientId", "4242^^^&amp;1.2.250.1.999.1&amp;ISO^PI")
        + slot("sourcePatientInfo", "PID-5|MARTIN-ESSAI^ALICE^^^^^L") + extraSlots
        + "<Name><LocalizedString charset=\"UTF8\" value=\"CR de test\" xml:lang=\"FR\"/></Name>"
        + "<Classification classificationScheme=\"urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d\""
        + " classifiedObject=\"Document01\" id=\"cla1\" nodeRepresentation=\"\">"
        + slot("authorPerson", "899900063480^LIBRE^MAX^^^^^^&amp;1.2.250.1.71.4.2.1&amp;ISO^D^^^IDNPS")
        + slot("authorInstitution",
            "CABINET DU DR MAX LIBRE^^^^^&amp;1.2.250.1.71.4.2.2&amp;ISO^IDNST^^^499900063480001")
        + slot("authorSpecialty", "G15_10/SM26^Médecin - Qualifié en médecine générale (SM)"
            + "^1.2.250.1.213.1.1.4.5")
        + "</Classification>"
        + code("urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a", "10", "1.2.250.1.213.1.1.4.1")
        + code("urn:uuid:f0306f51-975f-434e-a61c-c59651d33983", "11488-4", "2.16.840.1.113883.6.1")
        + code("urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f", "N", "2.16.840.1.113883.5.25")
        + code("urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d", "urn:ihe:iti:xds-sd:text:2008",
            "1.3.6.1.4.1.19376.1.2.3")
        + code("urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1", "SA07", "1.2.250.1.71.4.2.4")
        + code("urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead", "AMBULATOIRE",
            "1.2.250.1.213.1.1.4.9")
        + identifier("Document01", "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427", cx(ins) + "^^20250602")
        + identifier("Document01", "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab", uniqueId)
        + "</ExtrinsicObject>"
        + "<Association associationType=\"urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember\""
        + " id=\"assoc1\" sourceObject=\"SubmissionSet01\" targetObject=\"Document01\">"
        + slot("SubmissionSetStatus", "Original") + "</Association>"
        + "</RegistryObjectList></lcm:SubmitObjectsRequest>"
        + "<xdsb:Document id=\"Document01\">" + document + "</xdsb:Document>"
        + "</xdsb:ProvideAndRegisterDocumentSetRequest>";
  }

  /** An ITI-57 availability status change of {@code entryUuid}. */
  static String updateStatus(String ins, String entryUuid, String original, String wanted) {
    return submitObjects(submissionSet(ins)
        + "<Association associationType=\"urn:ihe:iti:2010:AssociationType:"
        + "UpdateAvailabilityStatus\" id=\"association1\" sourceObject=\"SubmissionSet01\""
        + " targetObject=\"" + entryUuid + "\">" + slot("OriginalStatus", original)
        + slot("NewStatus", wanted) + "</Association>");
  }

  /** An ITI-57 new metadata version of {@code lid} with the confidentiality {@code codes}. */
  static String updateConfidentiality(String ins, String lid, int previousVersion,
      String... codes) {
    StringBuilder classifications = new StringBuilder();
    for (String value : codes) {
      classifications.append(code("urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f", value,
          value.equals("N") ? "2.16.840.1.113883.5.25" : "1.2.250.1.213.1.1.4.13"));
    }
    return submitObjects(submissionSet(ins)
        + "<Association associationType=\"urn:oasis:names:tc:ebxml-regrep:AssociationType:"
        + "HasMember\" id=\"association1\" sourceObject=\"SubmissionSet01\""
        + " targetObject=\"Document01\">" + slot("SubmissionSetStatus", "Original")
        + slot("PreviousVersion", Integer.toString(previousVersion)) + "</Association>"
        + "<ExtrinsicObject id=\"Document01\" lid=\"" + lid + "\" mimeType=\"text/xml\""
        + " objectType=\"urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1\">" + classifications
        + "</ExtrinsicObject>");
  }

  static String cx(String ins) {
    return ins + "^^^&amp;1.2.250.1.213.1.4.10&amp;ISO^NH";
  }

  private static String submitObjects(String objects) {
    return "<lcm:SubmitObjectsRequest xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\""
        + " xmlns=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\"><RegistryObjectList>" + objects
        + "</RegistryObjectList></lcm:SubmitObjectsRequest>";
  }

  private static String submissionSet(String ins) {
    return "<RegistryPackage id=\"SubmissionSet01\">" + slot("submissionTime", "20250602083000")
        + "<Classification classificationNode=\"urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd\""
        + " classifiedObject=\"SubmissionSet01\" id=\"cla0\"/>"
        + identifier("SubmissionSet01", "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446", cx(ins) + "^^20250602")
        + identifier("SubmissionSet01", "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8", "2.25.4242")
        + "</RegistryPackage>";
  }

  private static String slot(String name, String value) {
    return "<Slot name=\"" + name + "\"><ValueList><Value>" + value
        + "</Value></ValueList></Slot>";
  }

  private static String code(String scheme, String value, String codingScheme) {
    return "<Classification classificationScheme=\"" + scheme + "\" classifiedObject=\"Document01\""
        + " id=\"c-" + value.hashCode() + "\" nodeRepresentation=\"" + value + "\">"
        + slot("codingScheme", codingScheme) + "</Classification>";
  }

  private static String identifier(String owner, String scheme, String value) {
    return "<ExternalIdentifier id=\"ei-" + scheme.hashCode() + "\" identificationScheme=\""
        + scheme + "\" registryObject=\"" + owner + "\" value=\"" + value + "\"/>";
  }
}
