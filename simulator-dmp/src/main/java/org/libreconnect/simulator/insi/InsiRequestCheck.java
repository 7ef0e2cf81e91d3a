package org.libreconnect.simulator.insi;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.MarshalException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks an INSi request as the real service does: the four headers and the body against the
 * official schemas, the action against the body, the software identification, the signed
 * assertion (signature, signer under the CPx persons CA, age, same holder as the TLS client
 * certificate) and the INSi rules on traits and NIRs. The first failure is returned as its fault.
 */
final class InsiRequestCheck {
  static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  static final String WSA = "http://www.w3.org/2005/08/addressing";
  static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
  static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
  static final String DS = "http://www.w3.org/2000/09/xmldsig#";
  static final String CTX_LPS = "urn:siram:lps:ctxlps";
  static final String CTX_BAM = "urn:siram:bam:ctxbam";
  static final String REC_SANS = "http://www.cnamts.fr/INSiRecSans";
  static final String REC_VIT = "http://www.cnamts.fr/INSiRecVit";
  static final String ACTION_TRAITS = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite";
  static final String ACTION_VITALE = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitale";

  private static final Pattern NAME = Pattern.compile("[A-Z]+(?:(?:[ '-]|--)[A-Z]+)*");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern COG = Pattern.compile("[0-9][0-9AB][0-9]{3}");
  private static final Pattern NIR = Pattern.compile("\\d{6}[0-9AB]\\d{6}");
  private static final Pattern KEY = Pattern.compile("\\d{2}");

  /** A request that passed: which search, with what. */
  sealed interface Search permits Traits, Vitale {}

  record Traits(String name, String given, String sex, String date, Optional<String> place) implements Search {}

  record Vitale(Optional<String> ownNir, Optional<String> ownKey, String insuredNir, String insuredKey, String date,
      int rank) implements Search {}

  /** Thrown with the fault to answer. */
  static final class Refused extends RuntimeException {
    final InsiFault fault;

    Refused(InsiFault fault) {
      super(fault.detailCode(), null, false, false);
      this.fault = fault;
    }
  }

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InsiRequestCheck.class);

  private final X509Certificate personsCa;
  private final Optional<X509Certificate> organisationsCa;
  private final Optional<Set<String>> authorisedSoftware;
  private final Duration maxAssertionAge;

  InsiRequestCheck(X509Certificate personsCa, Optional<Set<String>> authorisedSoftware, Duration maxAssertionAge) {
    this(personsCa, Optional.empty(), authorisedSoftware, maxAssertionAge);
  }

  /**
   * @param organisationsCa the CA of the structures' certificates (structure authentication: the
   *     TLS client and the assertion's signer are the same organisation certificate); empty: cards only
   */
  InsiRequestCheck(X509Certificate personsCa, Optional<X509Certificate> organisationsCa,
      Optional<Set<String>> authorisedSoftware, Duration maxAssertionAge) {
    this.personsCa = personsCa;
    this.organisationsCa = organisationsCa;
    this.authorisedSoftware = authorisedSoftware;
    this.maxAssertionAge = maxAssertionAge;
  }

  Search check(Element envelope, Optional<X509Certificate> client, Instant now) {
    X509Certificate tlsClient = client.orElseThrow(() -> new Refused(InsiFault.notACard("no client certificate")));
    boolean structure = organisationsCa.isPresent() && issuedBy(tlsClient, organisationsCa.get());
    String clientId = commonName(tlsClient);
    if (!structure && !clientId.matches("\\d{9,14}")) {
      throw new Refused(InsiFault.notACard("the client certificate is not a CPx card's"));
    }
    if (!"Envelope".equals(envelope.getLocalName()) || !SOAP12.equals(envelope.getNamespaceURI())) {
      throw new Refused(InsiFault.invalidRequest("not a SOAP 1.2 envelope"));
    }
    Element header = single(envelope, SOAP12, "Header", () -> InsiFault.invalidRequest("no SOAP header"));
    Element body = single(envelope, SOAP12, "Body", () -> InsiFault.invalidRequest("no SOAP body"));
    Element lps = single(header, CTX_LPS, "ContexteLPS", () -> InsiFault.missingSoftware("no ContexteLPS header"));
    Element bam = single(header, CTX_BAM, "ContexteBAM", () -> InsiFault.invalidRequest("no ContexteBAM header"));
    Element messageId = single(header, WSA, "MessageID", () -> InsiFault.invalidRequest("no MessageID header"));
    Element action = single(header, WSA, "Action", () -> InsiFault.invalidRequest("no Action header"));
    Element security = single(header, WSSE, "Security", () -> InsiFault.badAssertion("no Security header"));
    schema(InsiSchemas.CTX_LPS, lps, InsiFault::missingSoftware);
    schema(InsiSchemas.CTX_BAM, bam, InsiFault::invalidRequest);
    schema(InsiSchemas.ADDRESSING, messageId, InsiFault::invalidRequest);
    schema(InsiSchemas.ADDRESSING, action, InsiFault::invalidRequest);
    schema(InsiSchemas.SECURITY, security, InsiFault::badAssertion);
    software(lps);
    assertion(security, tlsClient, structure, clientId, now);
    log.info("insi.assertion.accepted client={}", structure ? "structure" : "card");
    List<Element> content = elements(body);
    if (content.size() != 1) {
      throw new Refused(InsiFault.invalidRequest("the body must hold one search element"));
    }
    Element search = content.get(0);
    String actionValue = action.getTextContent().strip();
    if (ACTION_TRAITS.equals(actionValue) && is(search, REC_SANS, "RECSANSVITALE")) {
      schema(InsiSchemas.REC_SANS, search, InsiFault::invalidRequest);
      return traits(search);
    }
    if (ACTION_VITALE.equals(actionValue) && is(search, REC_VIT, "RECVITALE")) {
      schema(InsiSchemas.REC_VITALE, search, InsiFault::invalidRequest);
      return vitale(search);
    }
    throw new Refused(InsiFault.invalidRequest("the action and the body do not name the same operation"));
  }

  private void software(Element lps) {
    Element logiciel = optional(lps, CTX_LPS, "LPS")
        .orElseThrow(() -> new Refused(InsiFault.missingSoftware("ContexteLPS has no LPS")));
    for (String part : List.of("IDAM", "Version", "Instance", "Nom")) {
      if (text(logiciel, CTX_LPS, part).isEmpty()) {
        throw new Refused(InsiFault.missingSoftware("ContexteLPS/LPS has no " + part));
      }
    }
    if (optional(lps, CTX_LPS, "Emetteur").map(e -> e.getTextContent().strip()).orElse("").isEmpty()) {
      throw new Refused(InsiFault.missingSoftware("ContexteLPS has no Emetteur"));
    }
    String idam = text(logiciel, CTX_LPS, "IDAM");
    if (authorisedSoftware.isPresent() && !authorisedSoftware.get().contains(idam)) {
      throw new Refused(InsiFault.unknownSoftware());
    }
  }

  private static boolean issuedBy(X509Certificate certificate, X509Certificate ca) {
    if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
      return false;
    }
    try {
      certificate.verify(ca.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private void assertion(Element security, X509Certificate tlsClient, boolean structure, String clientId,
      Instant now) {
    List<Element> assertions = new ArrayList<>();
    for (Element e : elements(security)) {
      if (is(e, SAML2, "Assertion")) {
        assertions.add(e);
      }
    }
    if (assertions.size() != 1) {
      throw new Refused(InsiFault.badAssertion("the Security header must hold one assertion"));
    }
    Element assertion = assertions.get(0);
    Instant issued;
    try {
      issued = Instant.parse(assertion.getAttribute("IssueInstant"));
    } catch (DateTimeException e) {
      throw new Refused(InsiFault.badAssertion("the assertion has no valid IssueInstant"));
    }
    if (issued.isBefore(now.minus(maxAssertionAge)) || issued.isAfter(now.plus(Duration.ofMinutes(5)))) {
      throw new Refused(InsiFault.badAssertion("the assertion is expired or dated in the future"));
    }
    Element signature = optional(assertion, DS, "Signature")
        .orElseThrow(() -> new Refused(InsiFault.badAssertion("the assertion is not signed")));
    X509Certificate signer = keyInfoCertificate(signature);
    try {
      signer.checkValidity(java.util.Date.from(now));
      signer.verify((structure ? organisationsCa.get() : personsCa).getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new Refused(InsiFault.badAssertion(structure
          ? "the assertion's signer is not a valid organisation certificate"
          : "the assertion's signer is not a valid CPx certificate"));
    }
    assertion.setIdAttribute("ID", true);
    try {
      DOMValidateContext context = new DOMValidateContext(signer.getPublicKey(), signature);
      context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
      XMLSignature xml = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
      boolean referencesThis = xml.getSignedInfo().getReferences().size() == 1
          && ("#" + assertion.getAttribute("ID")).equals(
              ((javax.xml.crypto.dsig.Reference) xml.getSignedInfo().getReferences().get(0)).getURI());
      if (!referencesThis || !xml.validate(context)) {
        throw new Refused(InsiFault.badAssertion("the assertion's signature is not valid"));
      }
    } catch (MarshalException | XMLSignatureException e) {
      throw new Refused(InsiFault.badAssertion("the assertion's signature is not valid"));
    }
    String nameId = optional(assertion, SAML2, "Subject").flatMap(s -> optional(s, SAML2, "NameID"))
        .map(e -> e.getTextContent().strip()).orElse("");
    if (structure) {
      // Structure authentication: the structure signs for the user it names (as a VIHF in
      // indirect mode); the signer must be the TLS client's own certificate.
      if (nameId.isEmpty() || !signer.equals(tlsClient)) {
        throw new Refused(InsiFault.badAssertion("the assertion is not the TLS client's"));
      }
    } else if (!nameId.equals(clientId) || !commonName(signer).equals(clientId)) {
      throw new Refused(InsiFault.badAssertion("the assertion is not the TLS client's"));
    }
  }

  private static X509Certificate keyInfoCertificate(Element signature) {
    List<Element> certificates = descendants(signature, DS, "X509Certificate");
    if (certificates.size() != 1) {
      throw new Refused(InsiFault.badAssertion("the assertion's signature names no certificate"));
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(certificates.get(0).getTextContent().strip());
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new java.io.ByteArrayInputStream(der));
    } catch (CertificateException | IllegalArgumentException e) {
      throw new Refused(InsiFault.badAssertion("the assertion's certificate is unreadable"));
    }
  }

  private static Traits traits(Element search) {
    String name = text(search, REC_SANS, "NomNaissance");
    List<Element> givens = children(search, REC_SANS, "Prenom");
    String sex = text(search, REC_SANS, "Sexe");
    String date = text(search, REC_SANS, "DateNaissance");
    String place = text(search, REC_SANS, "LieuNaissance");
    if (!NAME.matcher(name).matches()) {
      throw new Refused(InsiFault.invalidTraits("NomNaissance breaks the INSi character rules"));
    }
    if (givens.size() != 1 || !NAME.matcher(givens.get(0).getTextContent().strip()).matches()) {
      throw new Refused(InsiFault.invalidTraits("Prenom breaks the INSi character rules"));
    }
    if (!sex.equals("M") && !sex.equals("F")) {
      throw new Refused(InsiFault.invalidTraits("Sexe must be M or F"));
    }
    checkDate(date, false);
    if (!place.isEmpty() && !COG.matcher(place).matches()) {
      throw new Refused(InsiFault.invalidTraits("LieuNaissance must be a COG code"));
    }
    return new Traits(name, givens.get(0).getTextContent().strip(), sex, date,
        place.isEmpty() ? Optional.empty() : Optional.of(place));
  }

  private static Vitale vitale(Element search) {
    Element insured = optional(search, REC_VIT, "MatriculeOD")
        .orElseThrow(() -> new Refused(InsiFault.invalidRequest("RECVITALE has no MatriculeOD")));
    String insuredNir = text(insured, REC_VIT, "NumIdentifiant");
    String insuredKey = text(insured, REC_VIT, "Cle");
    checkNir(insuredNir, insuredKey, "MatriculeOD");
    Optional<Element> own = optional(search, REC_VIT, "MatriculeIndividu");
    Optional<String> ownNir = own.map(o -> text(o, REC_VIT, "NumIdentifiant"));
    Optional<String> ownKey = own.map(o -> text(o, REC_VIT, "Cle"));
    if (own.isPresent()) {
      checkNir(ownNir.get(), ownKey.get(), "MatriculeIndividu");
    }
    if (!NAME.matcher(text(search, REC_VIT, "NomNaissance")).matches()) {
      throw new Refused(InsiFault.invalidTraits("NomNaissance breaks the INSi character rules"));
    }
    String date = text(search, REC_VIT, "DateNaissance");
    checkDate(date, true);
    int rank;
    try {
      rank = Integer.parseInt(text(search, REC_VIT, "RangNaissance"));
    } catch (NumberFormatException e) {
      throw new Refused(InsiFault.invalidRequest("RangNaissance must be a number"));
    }
    if (rank < 1 || rank > 9) {
      throw new Refused(InsiFault.invalidRequest("RangNaissance must be between 1 and 9"));
    }
    return new Vitale(ownNir, ownKey, insuredNir, insuredKey, date, rank);
  }

  private static void checkNir(String nir, String key, String what) {
    if (!NIR.matcher(nir).matches() || !KEY.matcher(key).matches()) {
      throw new Refused(InsiFault.invalidRequest(what + " is not a NIR with its key"));
    }
    // Corsica: department 2A counts as 19, 2B as 18 (the 6th and 7th characters).
    String digits = switch (nir.charAt(6)) {
      case 'A' -> nir.substring(0, 5) + "19" + nir.substring(7);
      case 'B' -> nir.substring(0, 5) + "18" + nir.substring(7);
      default -> nir;
    };
    long expected = 97 - Long.parseLong(digits) % 97;
    if (expected != Integer.parseInt(key)) {
      throw new Refused(InsiFault.invalidRequest(what + " has a wrong key"));
    }
  }

  private static void checkDate(String date, boolean lunarAllowed) {
    if (!DATE.matcher(date).matches()) {
      throw new Refused(InsiFault.invalidTraits("DateNaissance must be YYYY-MM-DD"));
    }
    if (lunarAllowed && (date.endsWith("-00") || date.substring(5, 7).equals("00"))) {
      return;
    }
    try {
      LocalDate.parse(date);
    } catch (DateTimeException e) {
      throw new Refused(InsiFault.invalidTraits("DateNaissance is not a date"));
    }
  }

  private static void schema(String file, Element element, java.util.function.Function<String, InsiFault> fault) {
    List<String> errors = InsiSchemas.errors(file, element);
    if (!errors.isEmpty()) {
      throw new Refused(fault.apply(element.getLocalName() + " does not follow the official schema: " + errors.get(0)));
    }
  }

  private static String commonName(X509Certificate certificate) {
    return org.libreconnect.simulator.pki.CertificateReader.of(certificate).commonName().orElse("");
  }

  private static Element single(Element parent, String ns, String name, java.util.function.Supplier<InsiFault> fault) {
    List<Element> found = children(parent, ns, name);
    if (found.size() != 1) {
      throw new Refused(fault.get());
    }
    return found.get(0);
  }

  private static Optional<Element> optional(Element parent, String ns, String name) {
    List<Element> found = children(parent, ns, name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static String text(Element parent, String ns, String name) {
    return optional(parent, ns, name).map(e -> e.getTextContent().strip()).orElse("");
  }

  private static boolean is(Element element, String ns, String name) {
    return name.equals(element.getLocalName()) && ns.equals(element.getNamespaceURI());
  }

  static List<Element> elements(Element parent) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        found.add(e);
      }
    }
    return found;
  }

  private static List<Element> children(Element parent, String ns, String name) {
    return elements(parent).stream().filter(e -> is(e, ns, name)).toList();
  }

  private static List<Element> descendants(Element parent, String ns, String name) {
    List<Element> found = new ArrayList<>();
    org.w3c.dom.NodeList list = parent.getElementsByTagNameNS(ns, name);
    for (int i = 0; i < list.getLength(); i++) {
      found.add((Element) list.item(i));
    }
    return found;
  }
}
