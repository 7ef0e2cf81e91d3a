package org.libreconnect.simulator.dmp.transaction;

/** The IHE XDS.b identifiers the DMP uses (dmp.md §2.6, §2.8, Appendix A). */
final class XdsIds {
  static final String DOCUMENT_ENTRY = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
  static final String SUBMISSION_SET_NODE = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";
  static final String REPOSITORY_UNIQUE_ID = "1.2.250.1.213.4.1.1.1.2";

  static final String AUTHOR = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
  static final String CLASS_CODE = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
  static final String CONFIDENTIALITY = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
  static final String EVENT_CODE = "urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4";
  static final String FORMAT_CODE = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
  static final String FACILITY_TYPE = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";
  static final String PRACTICE_SETTING = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";
  static final String TYPE_CODE = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
  static final String ENTRY_PATIENT_ID = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
  static final String ENTRY_UNIQUE_ID = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
  static final String SET_PATIENT_ID = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";

  static final String FIND_DOCUMENTS = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";
  static final String GET_DOCUMENTS = "urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4";
  static final String GET_SUBMISSION_SETS = "urn:uuid:51224314-5390-4169-9b91-b1980040715a";
  static final String FIND_BY_REFERENCE_ID = "urn:uuid:12941a89-e02e-4be5-967c-ce4bfc8fe492";

  static final String HAS_MEMBER = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember";
  static final String REPLACE = "urn:ihe:iti:2007:AssociationType:RPLC";
  static final String UPDATE_STATUS = "urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus";
  static final String REFERENCE_ID_LIST = "urn:ihe:iti:xds:2013:referenceIdList";

  private XdsIds() {}

  /** The formatCode of the submission set's XAdES signature document (IHE DSG). */
  static final String SIGNATURE_FORMAT = "http://www.w3.org/2000/09/xmldsig#";
}
