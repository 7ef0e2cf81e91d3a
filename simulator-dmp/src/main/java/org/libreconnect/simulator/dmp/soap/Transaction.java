package org.libreconnect.simulator.dmp.soap;

import javax.xml.namespace.QName;

/** The DMP transactions the simulator implements, with their service and answer (dmp.md §2.1). */
public enum Transaction {
  TD0_2("TD0.2", DmpService.PATIENTS, Channel.HL7_ACK,
      "urn:hl7-org:v3:PRPA_IN201308UV02", new QName(Namespaces.HL7, "PRPA_IN201308UV02")),
  TD0_3("TD0.3", DmpService.HABILITATIONS, Channel.STATUS,
      "urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorizationResponse",
      new QName(Namespaces.HABILITATIONS, "setAuthorizationResponse")),
  TD0_4("TD0.4", DmpService.PATIENTS_SPECIFIC, Channel.STATUS,
      "urn:si-dmp-patients:PatientSpecificEndPoint:patientListResponse",
      new QName(Namespaces.PATIENTS, "patientListResponse")),
  TD0_5("TD0.5", DmpService.PATIENTS_PDQ, Channel.HL7_ACK,
      "urn:hl7-org:v3:PRPA_IN201306UV02", new QName(Namespaces.HL7, "PRPA_IN201306UV02")),
  TD1_3A("TD1.3a", DmpService.PATIENTS, Channel.HL7_ACK,
      "urn:hl7-org:v3:PRPA_IN201308UV02", new QName(Namespaces.HL7, "PRPA_IN201308UV02")),
  TD1_1("TD1.1", DmpService.PATIENTS, Channel.HL7_ACK,
      "urn:hl7-org:v3:PRPA_IN201312UV02", new QName(Namespaces.HL7, "PRPA_IN201312UV02")),
  TD1_2("TD1.2", DmpService.PATIENTS, Channel.HL7_ACK,
      "urn:hl7-org:v3:PRPA_IN201315UV02", new QName(Namespaces.HL7, "PRPA_IN201315UV02")),
  TD1_3B("TD1.3b", DmpService.PATIENTS, Channel.HL7_ACK,
      "urn:hl7-org:v3:PRPA_IN201315UV02", new QName(Namespaces.HL7, "PRPA_IN201315UV02")),
  TD1_4("TD1.4", DmpService.PATIENTS, Channel.HL7_ACK,
      "urn:hl7-org:v3:PRPA_IN201315UV02", new QName(Namespaces.HL7, "PRPA_IN201315UV02")),
  TD1_6("TD1.6", DmpService.HABILITATIONS, Channel.STATUS,
      "urn:si-dmp-habilitations:HabilitationsEndPoint:listAuthorizationByPatientResponse",
      new QName(Namespaces.HABILITATIONS, "listAuthorizationByPatientResponse")),
  TD2_1("TD2.1", DmpService.REPOSITORY, Channel.XDS,
      "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse",
      new QName(Namespaces.RS, "RegistryResponse")),
  TD3_1("TD3.1", DmpService.REGISTRY, Channel.XDS,
      "urn:ihe:iti:2007:RegistryStoredQueryResponse",
      new QName(Namespaces.QUERY, "AdhocQueryResponse")),
  TD3_2("TD3.2", DmpService.REPOSITORY, Channel.XDS,
      "urn:ihe:iti:2007:RetrieveDocumentSetResponse",
      new QName(Namespaces.XDSB, "RetrieveDocumentSetResponse")),
  TD3_3("TD3.3", DmpService.REGISTRY, Channel.XDS,
      "urn:ihe:iti:2010:UpdateDocumentSet-Response", new QName(Namespaces.RS, "RegistryResponse"));

  /** How a transaction reports functional errors (dmp.md §3.1). */
  public enum Channel {
    /** HL7 V3 acknowledgement with an error detail. */
    HL7_ACK,
    /** The {@code output/status} and {@code output/context} fields. */
    STATUS,
    /** An XDS {@code RegistryResponse} (or query/retrieve answer) with status Failure. */
    XDS
  }

  private final String label;
  private final DmpService service;
  private final Channel channel;
  private final String responseAction;
  private final QName responseRoot;

  Transaction(
      String label, DmpService service, Channel channel, String responseAction, QName root) {
    this.label = label;
    this.service = service;
    this.channel = channel;
    this.responseAction = responseAction;
    this.responseRoot = root;
  }

  /** The name used by the DMP documents and in logs, such as {@code "TD0.2"}. */
  public String label() {
    return label;
  }

  /** The service that serves it. */
  public DmpService service() {
    return service;
  }

  /** How it reports functional errors. */
  public Channel channel() {
    return channel;
  }

  /** The WS-Addressing Action of its answers. */
  public String responseAction() {
    return responseAction;
  }

  /** Whether the request is an HL7 V3 query (TD0.2, TD1.3a) answered with a {@code queryAck}. */
  public boolean hl7Query() {
    return this == TD0_2 || this == TD1_3A;
  }

  /** The body root of a refusal: the "refused" interaction of TD1.1 and of the revise messages. */
  public String refusalRoot() {
    return switch (this) {
      case TD1_1 -> "PRPA_IN201313UV02";
      case TD1_2, TD1_3B, TD1_4 -> "PRPA_IN201316UV02";
      default -> responseRoot.getLocalPart();
    };
  }

  /** The body root of its answers. */
  public QName responseRoot() {
    return responseRoot;
  }

  /**
   * Whether the VIHF must name a patient ({@code resource-id}); only TD0.4 and TD0.5 (a search
   * for a patient whose INS is not known) do without.
   */
  public boolean patientLevel() {
    return this != TD0_4 && this != TD0_5;
  }

  /** The transaction whose label is {@code label} (such as "TD3.1"), case-insensitive. */
  public static Transaction fromLabel(String label) {
    for (Transaction transaction : values()) {
      if (transaction.label.equalsIgnoreCase(label) || transaction.name().equalsIgnoreCase(label)) {
        return transaction;
      }
    }
    throw new IllegalArgumentException("unknown transaction \"" + label + "\"");
  }
}
