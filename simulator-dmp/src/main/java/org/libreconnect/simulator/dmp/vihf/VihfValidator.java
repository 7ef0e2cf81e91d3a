package org.libreconnect.simulator.dmp.vihf;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.libreconnect.simulator.dmp.check.CodeLists;
import org.libreconnect.simulator.dmp.soap.ClientIdentity;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.Ins;
import org.libreconnect.simulator.dmp.store.Structure;
import org.w3c.dom.Element;

/**
 * Validates the VIHF of a request (dmp.md §1.4, §6.3): required attributes (names compared
 * case-insensitively), version, mode, resource, access mode, roles and specialty, the time window
 * against the simulator's own clock, the signature, the structure and, optionally, the NameID
 * against the TLS certificate. Each refusal carries the DMP's code and a French text.
 */
public final class VihfValidator {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VihfValidator.class);
  static final String VERSION = "VIHF_Version";
  static final String MODE = "Authentification_Mode";
  static final String STRUCTURE = "Identifiant_Structure";
  static final String SECTOR = "Secteur_Activite";
  static final String ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
  static final String RESOURCE_ID = "urn:oasis:names:tc:xacml:2.0:resource:resource-id";
  static final String RESOURCE_URN = "Ressource_URN";
  static final String PURPOSE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
  static final String SUBJECT_ID = "urn:oasis:names:tc:xspa:1.0:subject:subject-id";
  static final List<String> ALWAYS_REQUIRED = List.of(VERSION, MODE, STRUCTURE, SECTOR, ROLE,
      RESOURCE_URN, PURPOSE, "LPS_Nom", "LPS_Version", "LPS_ID_HOMOLOGATION_DMP");
  private static final Set<String> VERSIONS = Set.of("3.0", "4.0");
  private static final String SECTOR_SYSTEM = "^1.2.250.1.71.4.2.4";
  private static final String INVALID = "VIHF invalide : ";

  private final VihfPolicy policy;
  private final Clock clock;
  private final DmpStore store;
  private final VihfSignatureCheck signatures;

  /** A validator applying {@code policy} with {@code clock}, checking structures in store. */
  public VihfValidator(VihfPolicy policy, Clock clock, DmpStore store) {
    this.policy = policy;
    this.clock = clock;
    this.store = store;
    this.signatures = new VihfSignatureCheck(policy.signerIssuers(), clock);
  }

  /**
   * The VIHF in {@code soapHeader}; {@code patientLevel} requires a {@code resource-id}.
   *
   * @throws DmpException when it is refused
   */
  public Vihf validate(Element soapHeader, boolean patientLevel, Optional<ClientIdentity> client) {
    SamlAssertion assertion = SamlAssertion.in(soapHeader);
    if (!"2.0".equals(assertion.own("Version").orElse(""))) {
      throw invalid("l'assertion doit être en SAML 2.0 (Version=\"2.0\")");
    }
    if (assertion.own("ID").isEmpty()) {
      throw invalid("l'assertion n'a pas d'ID");
    }
    Instant issued = instant(assertion.own("IssueInstant"), "IssueInstant");
    if (assertion.issuer().isEmpty()) {
      throw invalid("Issuer absent");
    }
    String nameId = assertion.nameId().orElseThrow(() -> invalid("Subject/NameID absent"));
    AuthenticationMode mode = checkAttributes(assertion, patientLevel);
    List<Role> roles = roles(assertion);
    PurposeOfUse purpose = purpose(assertion);
    Optional<Ins> patient = Optional.empty();
    if (assertion.has(RESOURCE_ID)) {
      patient = Optional.of(Ins.parseCx(assertion.text(RESOURCE_ID).orElse("")).orElseThrow(
          () -> invalid("resource-id doit être un INS de la forme <INS>^^^&<OID>&ISO^NH")));
    }
    checkRoleCodes(roles);
    checkSpecialty(roles);
    checkTime(issued, assertion);
    String structureId = assertion.text(STRUCTURE).orElse("");
    Optional<java.security.cert.X509Certificate> signer = signatures.check(assertion, mode, structureId);
    boolean signed = signer.isPresent();
    if (mode.indirect() && client.isPresent() && !client.get().certificate().equals(signer.get())) {
      // The establishment authenticates on TLS with the certificate that signs its VIHF.
      throw new DmpException(DmpError.INVALID_CERTIFICATE,
          "Erreur d'authentification de la personne morale");
    }
    if (policy.nameIdMustMatchCertificate() && !mode.indirect() && client.isPresent()
        && !client.get().psIdNat().equals(nameId)) {
      throw invalid("le NameID ne correspond pas au certificat d'authentification");
    }
    if (policy.checkStructures()) {
      checkStructure(structureId, nameId, mode);
    }
    if (mode.indirect()) {
      log.info("dmp.vihf.accepted mode={} structure={} signer=\"{}\" tlsClientIsSigner={}", mode, structureId,
          signer.get().getSubjectX500Principal().getName(), client.isPresent());
    }
    return new Vihf(issued, nameId, mode, structureId, roles, patient, purpose, signed);
  }

  /** Checks presence and simple values of the attributes; returns the mode. */
  private static AuthenticationMode checkAttributes(SamlAssertion assertion, boolean patientLevel) {
    List<String> required = new ArrayList<>(ALWAYS_REQUIRED);
    if (patientLevel) {
      required.add(RESOURCE_ID);
    }
    for (String name : required) {
      if (!assertion.has(name)) {
        throw invalid("attribut obligatoire absent : " + name);
      }
    }
    String version = assertion.text(VERSION).orElse("");
    if (!VERSIONS.contains(version)) {
      throw invalid("VIHF_Version " + version + " non supportée (3.0 attendue)");
    }
    AuthenticationMode mode = mode(assertion.text(MODE).orElse(""));
    if (mode.indirect() && !assertion.has(SUBJECT_ID)) {
      throw invalid("attribut obligatoire absent en authentification indirecte : " + SUBJECT_ID);
    }
    if (!"urn:dmp".equals(assertion.text(RESOURCE_URN).orElse(""))) {
      throw invalid("Ressource_URN doit valoir urn:dmp");
    }
    String sector = assertion.text(SECTOR).orElse("");
    if (!sector.endsWith(SECTOR_SYSTEM)) {
      throw invalid("Secteur_Activite doit être de la forme <code>" + SECTOR_SYSTEM);
    }
    if (!CodeLists.shipped().isFacilityType(
        sector.substring(0, sector.length() - SECTOR_SYSTEM.length()), CodeLists.SECTOR_SYSTEM)) {
      throw invalid("Secteur_Activite : code inconnu de TRE_R02-SecteurActivite");
    }
    return mode;
  }

  /** Professions (TRE_G15) and specialties (TRE_R01) must be codes of their lists. */
  private static void checkRoleCodes(List<Role> roles) {
    for (Role role : roles) {
      if (Role.PROFESSION_SYSTEM.equals(role.codeSystem())
          && !CodeLists.shipped().isProfession(role.code())) {
        throw invalid("Role : profession inconnue de TRE_G15-ProfessionSante");
      }
      if (Role.SPECIALTY_SYSTEM.equals(role.codeSystem())
          && !CodeLists.shipped().isSpecialty(role.code())) {
        throw invalid("Role : spécialité inconnue de TRE_R01-EnsembleSavoirFaire");
      }
    }
  }

  /** Doctors and pharmacists must send their specialty (TRE_R01) after their profession. */
  private static void checkSpecialty(List<Role> roles) {
    Role profession = roles.get(0);
    boolean needsSpecialty = Role.PROFESSION_SYSTEM.equals(profession.codeSystem())
        && (Role.DOCTOR.equals(profession.code()) || Role.PHARMACIST.equals(profession.code()));
    if (needsSpecialty
        && roles.stream().noneMatch(role -> Role.SPECIALTY_SYSTEM.equals(role.codeSystem()))) {
      throw new DmpException(DmpError.MISSING_SPECIALITY);
    }
  }

  private void checkTime(Instant issued, SamlAssertion assertion) {
    Instant now = clock.instant();
    if (issued.isAfter(now.plus(policy.maxFutureSkew()))) {
      throw new DmpException(DmpError.VIHF_EXPIRED,
          "VIHF pas encore valide : IssueInstant est dans le futur au regard de l'horloge du DMP");
    }
    if (issued.isBefore(now.minus(policy.maxAge()))) {
      throw new DmpException(DmpError.VIHF_EXPIRED,
          "VIHF expiré : IssueInstant est trop ancien au regard de l'horloge du DMP");
    }
    Optional<Element> conditions = assertion.conditions();
    if (conditions.isPresent()) {
      Optional<String> notBefore = Xml.attribute(conditions.get(), "NotBefore");
      Optional<String> notOnOrAfter = Xml.attribute(conditions.get(), "NotOnOrAfter");
      if ((notBefore.isPresent() && now.isBefore(instant(notBefore, "NotBefore")))
          || (notOnOrAfter.isPresent() && !now.isBefore(instant(notOnOrAfter, "NotOnOrAfter")))) {
        throw new DmpException(DmpError.VIHF_EXPIRED,
            "VIHF expiré : hors de la période NotBefore / NotOnOrAfter de ses Conditions");
      }
    }
  }

  private void checkStructure(String structureId, String nameId, AuthenticationMode mode) {
    Optional<Structure> structure = store.structure(structureId).filter(Structure::active);
    if (structure.isEmpty()) {
      throw new DmpException(DmpError.STRUCTURE_NOT_FOUND);
    }
    if (!mode.indirect() && !structure.get().members().contains(nameId)) {
      throw new DmpException(DmpError.PS_STRUCTURE_NOT_LINKED);
    }
  }

  private static List<Role> roles(SamlAssertion assertion) {
    List<Role> roles = new ArrayList<>();
    for (Element value : assertion.values(ROLE)) {
      for (Element role : Xml.children(value)) {
        Optional<String> code = Xml.attribute(role, "code");
        Optional<String> system = Xml.attribute(role, "codeSystem");
        if (code.isPresent() && system.isPresent()) {
          roles.add(new Role(code.get(), system.get()));
        }
      }
    }
    if (roles.isEmpty()) {
      throw invalid("aucun Role (code, codeSystem) dans " + ROLE);
    }
    return roles;
  }

  private static PurposeOfUse purpose(SamlAssertion assertion) {
    Optional<Element> coded = assertion.values(PURPOSE).stream()
        .flatMap(value -> Xml.children(value).stream()).findFirst();
    if (coded.isPresent()
        && !PurposeOfUse.CODE_SYSTEM.equals(coded.get().getAttribute("codeSystem"))) {
      throw invalid("PurposeOfUse : codeSystem " + PurposeOfUse.CODE_SYSTEM
          + " (TRE_R248-ModeAcces) attendu");
    }
    String code = coded.map(element -> element.getAttribute("code"))
        .or(() -> assertion.values(PURPOSE).stream().map(Xml::text).findFirst()).orElse("");
    return PurposeOfUse.fromCode(code.trim()).orElseThrow(() -> invalid(
        "mode d'accès (PurposeOfUse) " + code + " inconnu : normal, bris_de_glace ou centre_15"));
  }

  private static AuthenticationMode mode(String text) {
    try {
      return AuthenticationMode.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw invalid("Authentification_Mode " + text
          + " inconnu : DIRECTE, INDIRECTE ou INDIRECTE_RENFORCEE");
    }
  }

  private static Instant instant(Optional<String> text, String name) {
    try {
      return OffsetDateTime.parse(text.orElseThrow(() -> invalid(name + " absent"))).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(name + " n'est pas une date UTC ISO 8601");
    }
  }

  private static DmpException invalid(String detail) {
    return new DmpException(DmpError.VIHF_INVALID, INVALID + detail);
  }
}
