package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.dmp.errors.DmpApiException;
import org.libreconnect.dmp.errors.DmpErrors;
import org.libreconnect.dmp.transport.CxfDmpTransport;
import org.libreconnect.dmp.xml.Xml;
import org.libreconnect.insi.AssertionPs;
import org.libreconnect.insi.IdentityTraits;
import org.libreconnect.insi.InsiConnector;
import org.libreconnect.insi.InsiEnvelope;
import org.libreconnect.insi.InsiErrors;
import org.libreconnect.insi.InsiNs;
import org.libreconnect.insi.InsiResult;
import org.libreconnect.insi.InsiUrls;
import org.libreconnect.insi.VitaleBeneficiary;
import org.libreconnect.protocol.command.InsiCommands.LpsInfos;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.insi.InsiSimulator;
import org.libreconnect.simulator.pki.TestPki;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The INSi client against the INSi simulator, over real mutual TLS with a test card's keys: the
 * request has the official example's shape and validates against the official schemas, its
 * assertion signature verifies, and the three answers (none, one, several) and the refusals come
 * back as JS2 answers and errors.
 */
@Timeout(120)
class InsiSimulatorRoundTripTest {
  static final LpsInfos SOFTWARE = new LpsInfos("TESTLC000001", "4", "1.0.0",
      "791e183f-6f66-4248-a312-5ed5cd4785d4", "LibreConnect", "991130972");
  static TestPki pki;
  static InsiSimulator simulator;
  static DmpCredentials card;

  @BeforeAll
  static void start() {
    pki = TestPki.generate(Clock.systemUTC(), 2048);
    simulator = InsiSimulator.start(pki, Clock.systemUTC(), 0, Optional.of(Set.of("TESTLC000001")));
    CpsIdentity doctor = CpsIdentity.testDoctor();
    card = SoftwareCredentials.of(pki.issueCard(doctor), doctor);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  static InsiConnector connect(DmpCredentials credentials) throws Exception {
    KeyStore roots = TlsFixture.store(pki.elementaryRoot());
    return new InsiConnector(credentials, InsiUrls.resolve("s_insiUrl", simulator.endpoint().toString(), Optional::empty),
        new CxfDmpTransport(credentials.tlsContext(roots), Optional.empty(), Duration.ofSeconds(20)), Clock.systemUTC());
  }

  @Test
  void searchesByTraitsGiveNoneOneOrSeveral() throws Exception {
    try (InsiConnector insi = connect(card)) {
      var paul = insi.searchByTraits(SOFTWARE, IdentityTraits.of("BERNARD-ESSAI", "PAUL", 2, "1953-07-12", null));
      assertThat(paul.insIdentityResult()).isEqualTo(InsiResult.SINGLE);
      assertThat(paul.identity().ins().value() + paul.identity().ins().key()).isEqualTo("153078987658513");
      assertThat(paul.identity().ins().oid()).isEqualTo(InsiNs.OID_NIR);
      assertThat(paul.identity().sex()).isEqualTo(2);
      assertThat(paul.identity().birthPlace()).isEqualTo("89387");
      assertThat(insi.searchByTraits(SOFTWARE, IdentityTraits.of("DURAND-ESSAI", "MARIE", 3, "1960-01-01", "75056"))
          .insIdentityResult()).isEqualTo(InsiResult.MULTIPLE);
      var nobody = insi.searchByTraits(SOFTWARE, IdentityTraits.of("INCONNU-ESSAI", "JEAN", 2, "1970-01-01", null));
      assertThat(nobody.insIdentityResult()).isEqualTo(InsiResult.NONE);
      assertThat(nobody.identity()).isNull();
    }
  }

  @Test
  void searchesByVitaleCardFindTheBeneficiariesIncludingALunarBirthDate() throws Exception {
    try (InsiConnector insi = connect(card)) {
      var leo = insi.searchByVitale(SOFTWARE, new VitaleBeneficiary("1150975112003", "82", "1530789876585", "13",
          "20150904", 1, "BERNARD-ESSAI", "BERNARD-ESSAI", "LEO", 6));
      assertThat(leo.identity().ins().value()).isEqualTo("1150975112003");
      var fatima = insi.searchByVitale(SOFTWARE, new VitaleBeneficiary("", "", "1530789876585", "13",
          "19480000", 1, "HAMIDI-ESSAI", "HAMIDI-ESSAI", "FATIMA", 1));
      assertThat(fatima.insIdentityResult()).isEqualTo(InsiResult.SINGLE);
      assertThat(fatima.identity().ins().value() + fatima.identity().ins().key()).isEqualTo("248209935004573");
    }
  }

  @Test
  void verificationAcceptsTheRightInsAndRefusesAnother() throws Exception {
    try (InsiConnector insi = connect(card)) {
      IdentityTraits alice = IdentityTraits.of("MARTIN-ESSAI", "ALICE", 3, "1979-03-15", "51215");
      insi.verify(SOFTWARE, "2790351215189", "89", Optional.of(InsiNs.OID_NIR), alice);
      assertThatThrownBy(() -> insi.verify(SOFTWARE, "1530789876585", "13", Optional.empty(), alice))
          .isInstanceOfSatisfying(DmpApiException.class,
              e -> assertThat(e.kind()).isEqualTo(InsiErrors.IDENTITY_MISMATCH));
    }
  }

  @Test
  void anUnknownSoftwareGetsTheServicesFault() throws Exception {
    LpsInfos unknown = new LpsInfos("FAKE-IDAM", "4", "1.0.0", "791e183f-6f66-4248-a312-5ed5cd4785d4",
        "LibreConnect", "991130972");
    try (InsiConnector insi = connect(card)) {
      assertThatThrownBy(() -> insi.searchByTraits(unknown,
              IdentityTraits.of("BERNARD-ESSAI", "PAUL", 2, "1953-07-12", null)))
          .isInstanceOfSatisfying(DmpApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(InsiErrors.SOAP_FAULT);
            assertThat(e.getMessage()).contains("siram_100/desir_550");
          });
    }
  }

  @Test
  void aCardOfAnotherChainIsRefusedAtTheHandshake() throws Exception {
    CpsIdentity doctor = CpsIdentity.testDoctor();
    DmpCredentials other = SoftwareCredentials.of(pki.issueCardFromProductionLikeRoot(doctor), doctor);
    try (InsiConnector insi = connect(other)) {
      assertThatThrownBy(() -> insi.searchByTraits(SOFTWARE,
              IdentityTraits.of("BERNARD-ESSAI", "PAUL", 2, "1953-07-12", null)))
          .isInstanceOfSatisfying(DmpApiException.class,
              e -> assertThat(e.kind()).isEqualTo(DmpErrors.CLIENT_CERT_REFUSED));
    }
  }

  @Test
  void traitsWithForbiddenCharactersAreRefusedWithoutQuotingThem() {
    assertThatThrownBy(() -> IdentityTraits.of("BÉRNARD", "PAUL", 2, "1953-07-12", null))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("s_birthName").hasMessageNotContaining("BÉRNARD");
    assertThatThrownBy(() -> IdentityTraits.of("BERNARD", "paul", 2, "1953-07-12", null))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("s_given");
    assertThatThrownBy(() -> IdentityTraits.of("BERNARD", "PAUL", 1, "1953-07-12", null))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("i_sex");
    assertThatThrownBy(() -> IdentityTraits.of("BERNARD", "PAUL", 2, "12/07/1953", null))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("s_birthDate");
    assertThatThrownBy(() -> IdentityTraits.of("BERNARD_X", "PAUL", 2, "1953-07-12", null))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void theRequestHasTheOfficialShapeAndASignatureThatVerifies() throws Exception {
    String assertion = new AssertionPs().build(card.holder().psIdNat(), SOFTWARE.billingNumber(),
        card.signatureCertificate(), Instant.now(), card::signSha256);
    Document request = new InsiEnvelope().build(InsiNs.ACTION_TRAITS, card.holder().psIdNat(), SOFTWARE, assertion,
        Instant.now(), InsiEnvelope.traits(IdentityTraits.of("PATB-QUATRE", "LAURENCE", 3, "1907-05-25", null)));
    Document example = Xml.parse(resource("/insi/example-request.xml"));
    assertThat(headerNames(request)).isEqualTo(headerNames(example));
    Element body = Xml.path(request.getDocumentElement(), "Body").flatMap(Xml::firstElement).orElseThrow();
    Element exampleBody = Xml.path(example.getDocumentElement(), "Body").flatMap(Xml::firstElement).orElseThrow();
    assertThat(leaves(body)).isEqualTo(leaves(exampleBody));
    for (String[] part : new String[][] {{"INSi_RECSANS_INS.xsd", "Body"},
        {"ROOT_ctxlps_CTXLPS_V01_00.xsd", "Header", "ContexteLPS"},
        {"ROOT_ctxbam_CTXBAM_V01_02.xsd", "Header", "ContexteBAM"},
        {"Security.xsd", "Header", "Security"}}) {
      Element element = part.length == 2 ? body
          : Xml.path(request.getDocumentElement(), part[1], part[2]).orElseThrow();
      validate(part[0], element);
    }
    // Serialise and read again, as the service does, then verify the enveloped signature.
    Document received = Xml.parse(Xml.toBytes(request));
    Element saml = (Element) received.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion").item(0);
    saml.setIdAttribute("ID", true);
    Element signature = (Element) saml.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0);
    DOMValidateContext context = new DOMValidateContext(card.signatureCertificate().getPublicKey(), signature);
    XMLSignature xml = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
    assertThat(xml.validate(context)).isTrue();
  }

  private static List<String> headerNames(Document document) {
    Element header = Xml.path(document.getDocumentElement(), "Header").orElseThrow();
    List<String> names = new java.util.ArrayList<>();
    for (org.w3c.dom.Node n = header.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        names.add("{" + e.getNamespaceURI() + "}" + e.getLocalName());
      }
    }
    return names;
  }

  private static List<String> leaves(Element element) {
    List<String> leaves = new java.util.ArrayList<>();
    leaves.add("{" + element.getNamespaceURI() + "}" + element.getLocalName());
    for (org.w3c.dom.Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        leaves.add("{" + e.getNamespaceURI() + "}" + e.getLocalName() + "=" + e.getTextContent().strip());
      }
    }
    return leaves;
  }

  private static void validate(String schema, Element element) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setResourceResolver((type, ns, publicId, systemId, base) -> {
      String name = systemId.substring(systemId.lastIndexOf('/') + 1).replace("assertion-2.0.xsd", "assertion-2.xsd");
      return lsInput(name);
    });
    try (InputStream in = InsiSimulatorRoundTripTest.class.getResourceAsStream("/insi/schemas/" + schema)) {
      factory.newSchema(new StreamSource(in, "/insi/schemas/" + schema)).newValidator().validate(new DOMSource(element));
    }
  }

  private static org.w3c.dom.ls.LSInput lsInput(String name) {
    try {
      var registry = org.w3c.dom.bootstrap.DOMImplementationRegistry.newInstance();
      var ls = (org.w3c.dom.ls.DOMImplementationLS) registry.getDOMImplementation("LS");
      org.w3c.dom.ls.LSInput input = ls.createLSInput();
      input.setByteStream(InsiSimulatorRoundTripTest.class.getResourceAsStream("/insi/schemas/" + name));
      input.setSystemId("/insi/schemas/" + name);
      return input;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] resource(String path) throws Exception {
    try (InputStream in = InsiSimulatorRoundTripTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }
}
