package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.vihf.VihfPolicy;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.TestPki;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The simulator over real mutual TLS on loopback, with software keys of the test PKI. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DmpSimulatorIT {
  private static final List<String> DMP_SUITES = List.of(
      "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");

  private static TestPki pki;
  private static CardCredentials testCard;
  private static CardCredentials productionCard;
  private static DmpSimulator simulator;

  @BeforeAll
  static void start() {
    pki = TestPki.generate(java.time.Clock.systemUTC(), 2048);
    testCard = pki.issueCard(CpsIdentity.testDoctor());
    productionCard = pki.issueCardFromProductionLikeRoot(CpsIdentity.testDoctor());
    simulator = DmpSimulator.start(DmpSimulatorConfig.defaults(pki)
        .withPolicy(VihfPolicy.defaults(List.of()).withNameIdCheck(true)));
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.stop();
    }
  }

  @BeforeEach
  void reset() {
    simulator.reset();
  }

  private static HttpClient client(CardCredentials card, String protocol) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(card.authenticationCertificate());
    chain.addAll(card.chain());
    keys.setKeyEntry("card", card.authenticationKeys().getPrivate(), new char[0],
        chain.toArray(X509Certificate[]::new));
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("SunX509");
    keyManagers.init(keys, new char[0]);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server-root", pki.elementaryRoot());
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
    trustManagers.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    X509KeyManager keyManager = (X509KeyManager) keyManagers.getKeyManagers()[0];
    context.init(new X509ExtendedKeyManager[] {new CardOnly(keyManager)},
        trustManagers.getTrustManagers(), null);
    SSLParameters parameters = context.getDefaultSSLParameters();
    parameters.setProtocols(new String[] {protocol});
    return HttpClient.newBuilder().sslContext(context).sslParameters(parameters)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * Presents the card whatever CAs the server asks for, as a card's PKCS#11 key manager does,
   * so that the server's trust decides.
   */
  private static final class CardOnly extends X509ExtendedKeyManager {
    private final X509KeyManager keys;

    CardOnly(X509KeyManager keys) {
      this.keys = keys;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers,
        SSLEngine engine) {
      return "card";
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return "card";
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {"card"};
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return keys.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return keys.getPrivateKey(alias);
    }
  }

  private static HttpResponse<byte[]> post(HttpClient client, URI url, String contentType,
      byte[] body) throws Exception {
    return client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<byte[]> soap(HttpClient client, URI url, Envelope envelope)
      throws Exception {
    return post(client, url, "application/soap+xml; charset=UTF-8",
        envelope.xml().getBytes(StandardCharsets.UTF_8));
  }

  private static Envelope existence(String nameId) {
    return Envelope.of(Bodies.TD02_ACTION,
        VihfBuilder.doctor(DmpFixture.VALID, Instant.now()).nameId(nameId).xml(),
        Bodies.patientQuery(DmpFixture.VALID, "TEST_EXST"));
  }

  private static Document envelopeOf(HttpResponse<byte[]> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (type.startsWith("multipart/related")) {
      return Xml.parse(Multipart.read(type, response.body()).get(0).content());
    }
    return Xml.parse(response.body());
  }

  @Test
  void theTestCardIsAcceptedAndIdentifiedOnTheTestListener() throws Exception {
    HttpClient client = client(testCard, "TLSv1.2");

    HttpResponse<byte[]> accepted = soap(client, simulator.serviceUrl(DmpService.PATIENTS),
        existence(VihfBuilder.DOCTOR));

    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/soap+xml");
    assertThat(accepted.sslSession()).hasValueSatisfying(session -> {
      assertThat(session.getProtocol()).isEqualTo("TLSv1.2");
      assertThat(DMP_SUITES).contains(session.getCipherSuite());
    });
    Element value = Xml.descendants(envelopeOf(accepted).getDocumentElement(), Namespaces.HL7,
        "value").stream().filter(v -> v.hasAttribute("code")).findFirst().orElseThrow();
    assertThat(value.getAttribute("code")).isEqualTo("VALIDE");

    HttpResponse<byte[]> otherNameId = soap(client, simulator.serviceUrl(DmpService.PATIENTS),
        existence("899900012345"));
    assertThat(otherNameId.statusCode()).isEqualTo(500);
    assertThat(new String(otherNameId.body(), StandardCharsets.UTF_8))
        .contains("soap:DMPVihfInvalid").contains("NameID ne correspond pas");
  }

  @Test
  void aProductionCardFailsTheHandshakeOnTheTestListener() throws Exception {
    HttpClient client = client(productionCard, "TLSv1.2");

    assertThatThrownBy(() -> soap(client, simulator.serviceUrl(DmpService.PATIENTS),
        existence(VihfBuilder.DOCTOR))).isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void theTestCardFailsTheHandshakeOnTheProductionLikeListener() throws Exception {
    HttpClient client = client(testCard, "TLSv1.2");
    URI productionLike = URI.create(simulator.productionLikeBaseUrl().orElseThrow() + "/patients");

    assertThatThrownBy(() -> soap(client, productionLike, existence(VihfBuilder.DOCTOR)))
        .isInstanceOf(SSLHandshakeException.class);
    HttpResponse<byte[]> production = soap(client(productionCard, "TLSv1.2"), productionLike,
        existence(VihfBuilder.DOCTOR));
    assertThat(production.statusCode()).isEqualTo(200);
  }

  @Test
  void aTls13OnlyClientIsRefused() throws Exception {
    HttpClient client = client(testCard, "TLSv1.3");

    assertThatThrownBy(() -> soap(client, simulator.serviceUrl(DmpService.PATIENTS),
        existence(VihfBuilder.DOCTOR))).isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void aDocumentIsSubmittedFoundAndRetrievedWithMtom() throws Exception {
    HttpClient client = client(testCard, "TLSv1.2");
    byte[] cda = Cdas.forPatient(DmpFixture.VALID, "CR de test é");
    String uniqueId = "2.25.20250602";
    Envelope submission = Envelope.of(Bodies.TD21_ACTION,
        VihfBuilder.doctor(DmpFixture.VALID, Instant.now()).xml(),
        Bodies.provideAndRegister(DmpFixture.VALID, uniqueId, "cda1%40tests", ""));

    HttpResponse<byte[]> stored = post(client, simulator.serviceUrl(DmpService.REPOSITORY),
        Multipart.contentType(Bodies.TD21_ACTION),
        Multipart.write(submission.xml(), "cda1@tests", cda));
    assertThat(stored.statusCode()).isEqualTo(200);
    Element registryResponse = Xml.descendant(envelopeOf(stored).getDocumentElement(),
        Namespaces.RS, "RegistryResponse").orElseThrow();
    assertThat(registryResponse.getAttribute("status")).endsWith(":Success");

    HttpResponse<byte[]> found = soap(client, simulator.serviceUrl(DmpService.REGISTRY),
        Envelope.of(Bodies.TD31_ACTION, VihfBuilder.doctor(DmpFixture.VALID, Instant.now()).xml(),
            Bodies.findDocuments(DmpFixture.VALID, "LeafClass", Bodies.APPROVED)));
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(new String(found.body(), StandardCharsets.UTF_8)).contains(uniqueId);

    HttpResponse<byte[]> retrieved = soap(client, simulator.serviceUrl(DmpService.REPOSITORY),
        Envelope.of(Bodies.TD32_ACTION, VihfBuilder.doctor(DmpFixture.VALID, Instant.now()).xml(),
            Bodies.retrieve(Bodies.REPOSITORY, uniqueId)));
    assertThat(retrieved.statusCode()).isEqualTo(200);
    String contentType = retrieved.headers().firstValue("Content-Type").orElse("");
    assertThat(contentType).startsWith("multipart/related").contains("application/xop+xml");
    List<Multipart.Part> parts = Multipart.read(contentType, retrieved.body());
    String href = Xml.descendant(Xml.parse(parts.get(0).content()).getDocumentElement(),
        Namespaces.XOP, "Include").orElseThrow().getAttribute("href");
    String contentId = java.net.URLDecoder.decode(href.substring(4), StandardCharsets.UTF_8);
    assertThat(parts).filteredOn(part -> part.contentId().equals(contentId)).singleElement()
        .satisfies(part -> assertThat(part.content()).isEqualTo(cda));
  }

  @Test
  void faultsAreHttp500AndAnInjectedDelayHoldsTheAnswer() throws Exception {
    HttpClient client = client(testCard, "TLSv1.2");
    simulator.injector().delayAll(Duration.ofMillis(500));

    long started = System.nanoTime();
    HttpResponse<byte[]> refused = soap(client, simulator.serviceUrl(DmpService.PATIENTS),
        existence(VihfBuilder.DOCTOR).messageId(null));

    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(new String(refused.body(), StandardCharsets.UTF_8))
        .contains("wsa:MessageAddressingHeaderRequired");
    HttpResponse<byte[]> slow = soap(client, simulator.serviceUrl(DmpService.PATIENTS),
        existence(VihfBuilder.DOCTOR));
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(500));
    assertThat(slow.statusCode()).isEqualTo(200);
  }
}
