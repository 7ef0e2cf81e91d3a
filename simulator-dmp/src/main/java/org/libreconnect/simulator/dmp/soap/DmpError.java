package org.libreconnect.simulator.dmp.soap;

/**
 * The error codes the simulator answers with and their French texts (dmp.md §3.2). Codes marked
 * † in dmp.md are the simulator's own names: the DMP's complete list is not public.
 */
public enum DmpError {
  INVALID_CERTIFICATE("DMPInvalidCertificate", Kind.SECURITY,
      "Le certificat ayant signé le VIHF est invalide : Not a valid signature certificate"),
  ACCESS_DENIED("DMPAccessDeniedByRightsService", Kind.SECURITY,
      "Accès refusé par le service de gestion des droits"),
  VIHF_INVALID("DMPVihfInvalid", Kind.SECURITY, "VIHF invalide"),
  VIHF_EXPIRED("DMPVihfExpired", Kind.SECURITY,
      "VIHF hors de sa période de validité au regard de l'horloge du DMP"),
  STRUCTURE_NOT_FOUND("DMPStructureNotFound", Kind.SECURITY,
      "Impossible d'effectuer un test d'existence : Structure introuvable ou Inactive"),
  PS_STRUCTURE_NOT_LINKED("DMPPSStructureNotLinked", Kind.SECURITY, "PS et Structure non liés"),
  MISSING_SPECIALITY("DMPMissingSpeciality", Kind.SECURITY,
      "Aucune spécialité dans le vihf. Spécialité obligatoire pour les Médecins et les"
          + " Pharmaciens"),
  PATIENT_NOT_FOUND("DMPPatientNotFound", Kind.FUNCTIONAL, "Le DMP du patient n'existe pas"),
  CLOSED("DMPClosed", Kind.FUNCTIONAL, "Le DMP du patient est fermé"),
  FOUND("DMPFound", Kind.FUNCTIONAL, "Le DMP du patient existe déjà"),
  NOT_CLOSED("DMPNotClosed", Kind.FUNCTIONAL,
      "Le DMP du patient n'est pas fermé : il ne peut pas être réactivé"),
  XDS_DOCUMENT_UNIQUE_ID("XDSDocumentUniqueIdError", Kind.XDS,
      "Aucun document ne porte cet identifiant unique"),
  XDS_UNKNOWN_REPOSITORY("XDSUnknownRepositoryId", Kind.XDS, "Entrepôt de documents inconnu"),
  XDS_UNKNOWN_PATIENT_ID("XDSUnknownPatientId", Kind.XDS, "Le DMP du patient n'existe pas"),
  XDS_REGISTRY_METADATA("XDSRegistryMetadataError", Kind.XDS, "Métadonnées invalides"),
  XDS_REPOSITORY_METADATA("XDSRepositoryMetadataError", Kind.XDS,
      "Le hash ou la taille déclarés ne correspondent pas au document"),
  XDS_MISSING_DOCUMENT("XDSMissingDocument", Kind.XDS,
      "Document absent pour une fiche de métadonnées"),
  XDS_MISSING_DOCUMENT_METADATA("XDSMissingDocumentMetadata", Kind.XDS,
      "Métadonnées absentes pour un document"),
  XDS_DUPLICATE_UNIQUE_ID("XDSDuplicateUniqueIdInRegistry", Kind.XDS,
      "Un document portant cet identifiant unique existe déjà"),
  XDS_PATIENT_ID_DOES_NOT_MATCH("XDSPatientIdDoesNotMatch", Kind.XDS,
      "L'identifiant du patient ne correspond pas à celui du VIHF"),
  XDS_STORED_QUERY_PARAM_NUMBER("XDSStoredQueryParamNumber", Kind.XDS,
      "Paramètre de requête obligatoire absent ou en trop"),
  XDS_UNKNOWN_STORED_QUERY("XDSUnknownStoredQuery", Kind.XDS, "Requête stockée non supportée"),
  XDS_METADATA_UPDATE("XDSMetadataUpdateError", Kind.XDS, "Mise à jour des métadonnées refusée"),
  XDS_METADATA_VERSION("XDSMetadataVersionError", Kind.XDS,
      "La version précédente indiquée n'est pas la version courante"),
  INVALID_DOCUMENT("DMPInvalidDocument", Kind.XDS, "Document CDA non conforme"),
  XDS_REGISTRY("XDSRegistryError", Kind.XDS, "Erreur du registre"),
  XDS_REPOSITORY("XDSRepositoryError", Kind.XDS, "Erreur de l'entrepôt"),
  ADDRESSING_HEADER_REQUIRED("MessageAddressingHeaderRequired", Kind.ADDRESSING,
      "A required header representing a Message Addressing Property is not present"),
  ACTION_NOT_SUPPORTED("ActionNotSupported", Kind.ADDRESSING,
      "The [action] cannot be processed at the receiver"),
  INVALID_MESSAGE("DMPInvalidMessage", Kind.SECURITY, "Message invalide"),
  INTERNAL("DMPInternalError", Kind.RECEIVER, "Erreur interne du simulateur DMP");

  /** Where an error is reported. */
  public enum Kind {
    /** A SOAP 1.2 Sender fault with subcode {@code soap:<code>}, whatever the transaction. */
    SECURITY,
    /** A SOAP 1.2 Sender fault with subcode {@code wsa:<code>}. */
    ADDRESSING,
    /** A SOAP 1.2 Receiver fault. */
    RECEIVER,
    /** The transaction's functional channel: HL7 acknowledgement, status field or XDS error. */
    FUNCTIONAL,
    /** An XDS RegistryError on XDS transactions, a SOAP fault elsewhere. */
    XDS
  }

  private final String code;
  private final Kind kind;
  private final String text;

  DmpError(String code, Kind kind, String text) {
    this.code = code;
    this.kind = kind;
    this.text = text;
  }

  /** The code sent on the wire, such as {@code "DMPInvalidCertificate"}. */
  public String code() {
    return code;
  }

  /** Where it is reported. */
  public Kind kind() {
    return kind;
  }

  /** The default French text. */
  public String text() {
    return text;
  }

  /** The error whose wire code is {@code code}. */
  public static DmpError fromCode(String code) {
    for (DmpError error : values()) {
      if (error.code.equals(code) || error.name().equals(code)) {
        return error;
      }
    }
    throw new IllegalArgumentException("unknown DMP error code \"" + code + "\"");
  }
}
