package org.libreconnect.simulator.insi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulator.pki.TestPki;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The simulated INSi against the official example request (its times refreshed and its assertion
 * re-signed with a test card of the simulation PKI), then against one defect at a time, each
 * answered with its fault.
 */
class InsiServiceTest {
  static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
  static TestPki pki;
  static CardCredentials card;
  static CpsIdentity doctor;
  static InsiService service;

  @BeforeAll
  static void setUp() {
    pki = TestPki.generate(Clock.systemUTC(), 2048);
    doctor = CpsIdentity.testDoctor();
    card = pki.issueCard(doctor);
    service = new InsiService(new InsiRequestCheck(pki.fortPersons(), Optional.of(Set.of("NumAutorisation")),
        Duration.ofMinutes(10)), InsiDirectory.shipped(), Clock.systemUTC());
  }

  @Test
  void theOfficialExampleIsAcceptedWithFreshTimesAndAssertion() throws Exception {
    InsiService.Answer answer = send(example());
    assertThat(answer.fault()).isFalse();
    // PATB-QUATRE LAURENCE is not among the simulator's identities: CR 01.
    assertThat(answer.envelope()).contains("<ns2:CodeCR>01</ns2:CodeCR>");
  }

  @Test
  void aKnownIdentityIsFoundWithItsIns() throws Exception {
    Document request = example();
    setText(request, "NomNaissance", "BERNARD-ESSAI");
    setText(request, "Prenom", "PAUL");
    setText(request, "Sexe", "M");
    setText(request, "DateNaissance", "1953-07-12");
    InsiService.Answer answer = send(request);
    assertThat(answer.envelope()).contains("<ns2:CodeCR>00</ns2:CodeCR>")
        .contains("<ns2:NumIdentifiant>1530789876585</ns2:NumIdentifiant>").contains("<ns2:Cle>13</ns2:Cle>");
  }

  @Test
  void eachDefectGetsItsFault() throws Exception {
    Document accent = example();
    setText(accent, "NomNaissance", "PATB-QUATRÉ");
    assertFault(send(accent), "insi_002");

    Document noLps = example();
    remove(noLps, "urn:siram:lps:ctxlps", "ContexteLPS");
    assertFault(send(noLps), "desir_551");

    Document unknown = example();
    setText(unknown, "IDAM", "INCONNU");
    assertFault(send(unknown), "desir_550");

    Document wrongAction = example();
    setText(wrongAction, "Action", InsiRequestCheck.ACTION_VITALE);
    assertFault(send(wrongAction), "insi_001");

    Document tampered = example();
    ((Element) tampered.getElementsByTagNameNS(SAML2, "NameID").item(0)).setTextContent("899900099999");
    assertFault(send(tampered), "insi_010");

    Document unsigned = example();
    Element signature = (Element) unsigned.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0);
    signature.getParentNode().removeChild(signature);
    assertFault(send(unsigned), "insi_010");

    Document schema = example();
    setText(schema, "Temps", "yesterday");
    assertFault(send(schema), "insi_001");

    assertFault(service.answer(bytes(example()), Optional.empty()), "insi_011");
    assertFault(service.answer("<not xml".getBytes(StandardCharsets.UTF_8), Optional.of(card.authenticationCertificate())),
        "insi_001");
  }

  @Test
  void theVitaleSearchFindsTheChildAndRefusesAWrongNirKey() throws Exception {
    InsiService.Answer leo = send(vitale("13"));
    assertThat(leo.fault()).as(leo.envelope()).isFalse();
    assertThat(leo.envelope()).contains("<ns2:NumIdentifiant>1150975112003</ns2:NumIdentifiant>");
    assertFault(send(vitale("14")), "insi_001");
  }

  /** The example turned into a search with the Vitale data of the card's child, insured NIR key {@code key}. */
  private static Document vitale(String key) throws Exception {
    Document request = example();
    setText(request, "Action", InsiRequestCheck.ACTION_VITALE);
    Element body = (Element) request.getElementsByTagNameNS(InsiRequestCheck.SOAP12, "Body").item(0);
    Element traits = InsiRequestCheck.elements(body).get(0);
    body.removeChild(traits);
    String ns = InsiRequestCheck.REC_VIT;
    Element search = request.createElementNS(ns, "v:RECVITALE");
    Element insured = request.createElementNS(ns, "v:MatriculeOD");
    insured.appendChild(text(request, ns, "v:NumIdentifiant", "1530789876585"));
    insured.appendChild(text(request, ns, "v:Cle", key));
    search.appendChild(insured);
    search.appendChild(text(request, ns, "v:NomNaissance", "BERNARD-ESSAI"));
    search.appendChild(text(request, ns, "v:DateNaissance", "2015-09-04"));
    search.appendChild(text(request, ns, "v:RangNaissance", "1"));
    body.appendChild(search);
    return request;
  }

  private static Element text(Document document, String ns, String name, String value) {
    Element element = document.createElementNS(ns, name);
    element.setTextContent(value);
    return element;
  }

  private static void assertFault(InsiService.Answer answer, String code) {
    assertThat(answer.fault()).isTrue();
    assertThat(answer.envelope()).contains("code=\"" + code + "\"").contains("<S:Subcode>");
  }

  private static InsiService.Answer send(Document request) throws Exception {
    return service.answer(bytes(request), Optional.of(card.authenticationCertificate()));
  }

  @Test
  void aStructureIsAcceptedWithItsOwnCertificateOnly() throws Exception {
    var establishment = pki.issueEstablishment("LIBRECONNECT SERVEUR DE TEST", "499900063480002", "HOPITAL ESSAI");
    InsiService withStructures = new InsiService(new InsiRequestCheck(pki.fortPersons(),
        Optional.of(pki.elementaryOrganisations()), Optional.empty(), Duration.ofMinutes(10)),
        InsiDirectory.shipped(), Clock.systemUTC());
    Document signedByStructure = example("Agent007", establishment.certificate(), establishment.keys().getPrivate());
    assertThat(withStructures.answer(bytes(signedByStructure), Optional.of(establishment.certificate())).fault())
        .isFalse();
    // Without the organisations CA (cards only), the same request is refused: not a card.
    assertFault(service.answer(bytes(signedByStructure), Optional.of(establishment.certificate())), "insi_011");
    // A structure's TLS connection with an assertion of a card, or of another structure: refused.
    assertFault(withStructures.answer(bytes(example()), Optional.of(establishment.certificate())), "insi_010");
    var other = pki.issueEstablishment("AUTRE", "499900063480003", "AUTRE ESSAI");
    Document signedByOther = example("Agent007", other.certificate(), other.keys().getPrivate());
    assertFault(withStructures.answer(bytes(signedByOther), Optional.of(establishment.certificate())), "insi_010");
    // A card's connection with the structure's assertion: refused.
    assertFault(withStructures.answer(bytes(signedByStructure), Optional.of(card.authenticationCertificate())),
        "insi_010");
  }

  /** The official example with fresh times and an assertion of the test card in place of the original. */
  private static Document example() throws Exception {
    return example(doctor.psIdNat(), card.signatureCertificate(), card.signatureKeys().getPrivate());
  }

  /** The official example with fresh times and an assertion naming {@code nameId}, signed by {@code signer}. */
  private static Document example(String nameId, java.security.cert.X509Certificate signer,
      java.security.PrivateKey key) throws Exception {
    Document document;
    try (InputStream in = InsiServiceTest.class.getResourceAsStream("/insi/example-request.xml")) {
      document = parse(in.readAllBytes());
    }
    String now = Instant.now().toString();
    for (String local : List.of("Temps")) {
      var list = document.getElementsByTagNameNS("*", local);
      for (int i = 0; i < list.getLength(); i++) {
        list.item(i).setTextContent(now);
      }
    }
    for (String emitter : List.of("Emetteur")) {
      var list = document.getElementsByTagNameNS("*", emitter);
      for (int i = 0; i < list.getLength(); i++) {
        list.item(i).setTextContent(doctor.psIdNat());
      }
    }
    Element assertion = (Element) document.getElementsByTagNameNS(SAML2, "Assertion").item(0);
    assertion.setAttribute("IssueInstant", now);
    ((Element) assertion.getElementsByTagNameNS(SAML2, "NameID").item(0)).setTextContent(nameId);
    Element old = (Element) assertion.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0);
    Element issuer = (Element) assertion.getElementsByTagNameNS(SAML2, "Issuer").item(0);
    issuer.setTextContent(signer.getSubjectX500Principal().getName());
    org.w3c.dom.Node next = old.getNextSibling();
    assertion.removeChild(old);
    assertion.setIdAttribute("ID", true);
    XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
    Reference reference = factory.newReference("#" + assertion.getAttribute("ID"),
        factory.newDigestMethod(DigestMethod.SHA256, null),
        List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)), null, null);
    SignedInfo info = factory.newSignedInfo(
        factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
        factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
    KeyInfoFactory keys = factory.getKeyInfoFactory();
    var keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(List.of(signer))));
    DOMSignContext context = new DOMSignContext(key, assertion, next);
    factory.newXMLSignature(info, keyInfo).sign(context);
    return parse(bytes(document));
  }

  private static void setText(Document document, String local, String value) {
    document.getElementsByTagNameNS("*", local).item(0).setTextContent(value);
  }

  private static void remove(Document document, String ns, String local) {
    var node = document.getElementsByTagNameNS(ns, local).item(0);
    node.getParentNode().removeChild(node);
  }

  private static Document parse(byte[] bytes) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }

  private static byte[] bytes(Document document) throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
    return out.toByteArray();
  }
}
