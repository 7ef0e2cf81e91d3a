package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.server.CurlExample;
import org.libreconnect.simulation.Simulation;
import org.libreconnect.simulator.SimulatorServices;

/**
 * The server mode with the establishment key in an HSM (SoftHSM2 behind SunPKCS11) and callers
 * identified by client certificates (mutual TLS): the DMP scenario's transactions open to a
 * structure run with the token key, a certificate caller is held to its operations, and
 * certificates of another CA or none get nothing.
 */
class ServerModeCredentialsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  static ServerProcess server;
  static KeyPair callerCaKeys;
  static X509Certificate callerCa;

  @BeforeAll
  static void start() throws Exception {
    Path home = work.resolve("home");
    // The establishment of the installation's simulation PKI, moved into a token as an HSM holds it.
    Path material = home.resolve("data/simulation");
    Path p12 = new SimulatorServices().establishmentKeyStore(material, Clock.systemUTC());
    KeyStore store = KeyStore.getInstance("PKCS12");
    char[] password = Simulation.ESTABLISHMENT_STORE_PASSWORD.toCharArray();
    try (InputStream in = Files.newInputStream(p12)) {
      store.load(in, password);
    }
    PrivateKey key = (PrivateKey) store.getKey("establishment", password);
    X509Certificate certificate = (X509Certificate) store.getCertificate("establishment");
    Files.delete(p12);
    String slot = SoftHsmToken.provisionKey(work, "ETABLISSEMENT", key, certificate);
    Path pin = Files.writeString(work.resolve("hsm.pin"), SoftHsmToken.PIN + "\n");

    callerCaKeys = keys();
    callerCa = certificate("CN=Callers CA,O=Hopital", "CN=Callers CA,O=Hopital", callerCaKeys.getPublic(), callerCaKeys, true);
    Path caFile = Files.writeString(work.resolve("callers-ca.pem"), pem(callerCa));
    String rest = "    <establishment>\n"
        + "      <pkcs11_library>" + SoftHsmToken.LIBRARY + "</pkcs11_library>\n"
        + "      <pkcs11_slot>" + slot + "</pkcs11_slot>\n"
        + "      <password_file>" + pin + "</password_file>\n"
        + "    </establishment>\n"
        + "    <client_ca>" + caFile + "</client_ca>\n"
        + "    <callers>\n"
        + "      <caller><name>archiver</name><certificate_subject>CN=archiver,O=Hopital</certificate_subject>"
        + "<operations>getDmpStatus,sendDocument,findDocuments,deleteDocument</operations></caller>\n"
        + "    </callers>";
    server = ServerProcess.start(home, ServerProcess.config(true, rest));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theHsmKeyReachesTheDmpForACertificateCaller() throws Exception {
    HttpClient archiver = client(clientCertificate("CN=archiver,O=Hopital", callerCaKeys, callerCa));
    String ins = DmpScenario.UNAUTHORISED;
    JsonNode status = ok(archiver, "getDmpStatus", request(ins));
    assertThat(status.path("i_dmpStatus").asInt()).isEqualTo(DmpScenario.DMP_EXISTS);

    ObjectNode send = request(ins);
    send.put("s_fileContentBase64", Base64.getEncoder().encodeToString(DmpScenario.pdf()));
    send.put("s_documentTitle", "CR (HSM)");
    send.put("s_documentDescription", "Clé de l'établissement dans un HSM");
    send.put("s_documentCategory", "11488-4");
    send.put("i_documentVisibility", 1);
    send.put("i_documentFormat", 2);
    send.put("s_healthcareSetting", "SA07");
    String uniqueId = ok(archiver, "sendDocument", send).path("s_uniqueId").asText();
    assertThat(uniqueId).isNotBlank();
    assertThat(found(archiver, ins, uniqueId)).isTrue();
    ok(archiver, "deleteDocument", request(ins).put("s_uniqueId", uniqueId).put("s_healthCareSettings", "SA07"));
    assertThat(found(archiver, ins, uniqueId)).isFalse();

    assertThat(server.logs()).contains("server.establishment subject=\"CN=LIBRECONNECT SERVEUR DE TEST")
        .contains("dmp.vihf.accepted mode=INDIRECTE structure=499900063480002");

    HttpResponse<String> forbidden = post(archiver, "getDmpAdministrativeData", request(ins).toString());
    assertThat(forbidden.statusCode()).as("an operation outside the caller's list").isEqualTo(403);
  }

  @Test
  void noCertificateOrOneOfAnotherCaGetsNothing() throws Exception {
    long before = server.logs().lines().filter(line -> line.contains("dmp.transaction ")).count();
    HttpClient anonymous = client(null);
    assertThat(post(anonymous, "getDmpStatus", request(DmpScenario.EXISTING).toString()).statusCode()).isEqualTo(401);

    KeyPair otherCaKeys = keys();
    X509Certificate otherCa = certificate("CN=Other CA", "CN=Other CA", otherCaKeys.getPublic(), otherCaKeys, true);
    HttpClient stranger = client(clientCertificate("CN=archiver,O=Hopital", otherCaKeys, otherCa));
    // The server asks for certificates of the callers' CA only: the stranger's is not sent (or,
    // sent, fails the handshake); either way the request is not served.
    int strangerStatus;
    try {
      strangerStatus = post(stranger, "getDmpStatus", request(DmpScenario.EXISTING).toString()).statusCode();
    } catch (IOException e) {
      strangerStatus = -1;
    }
    assertThat(strangerStatus).as("a certificate of another CA").isIn(-1, 401);

    HttpClient unknownSubject = client(clientCertificate("CN=someone-else,O=Hopital", callerCaKeys, callerCa));
    assertThat(post(unknownSubject, "findDocuments", request(DmpScenario.EXISTING).toString()).statusCode())
        .as("a trusted certificate of no configured caller").isEqualTo(401);
    Thread.sleep(300);
    assertThat(server.logs().lines().filter(line -> line.contains("dmp.transaction ")).count()).isEqualTo(before);
  }

  private static boolean found(HttpClient client, String ins, String uniqueId) throws Exception {
    for (JsonNode document : ok(client, "findDocuments", request(ins).put("i_status", 7)).path("Documents")) {
      if (document.path("s_uniqueId").asText().equals(uniqueId)) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode request(String ins) throws Exception {
    return (ObjectNode) JSON.readTree(CurlExample.getDmpStatusBody(ins));
  }

  private static JsonNode ok(HttpClient client, String operation, ObjectNode body) throws Exception {
    HttpResponse<String> response = post(client, operation, body.toString());
    assertThat(response.statusCode()).as(operation + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> post(HttpClient client, String operation, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/" + operation))
        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpClient client(KeyStore clientKey) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(server.caCertificate())) {
      trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
    trustManagers.init(trust);
    KeyManagerFactory keyManagers = null;
    if (clientKey != null) {
      keyManagers = KeyManagerFactory.getInstance("SunX509");
      keyManagers.init(clientKey, new char[0]);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
  }

  private static KeyStore clientCertificate(String subject, KeyPair caKeys, X509Certificate ca) throws Exception {
    KeyPair keys = keys();
    X509Certificate certificate = certificate(ca.getSubjectX500Principal().getName(), subject, keys.getPublic(), caKeys, false);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("caller", keys.getPrivate(), new char[0], new X509Certificate[] {certificate, ca});
    return store;
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static X509Certificate certificate(String issuer, String subject, java.security.PublicKey key,
      KeyPair issuerKeys, boolean authority) throws Exception {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name(issuer),
        BigInteger.valueOf(System.nanoTime()), Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86_400)),
        name(subject), key);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
  }

  /** The name an RFC 2253 string means (as the configuration's certificate_subject is read). */
  private static X500Name name(String rfc2253) {
    return X500Name.getInstance(new javax.security.auth.x500.X500Principal(rfc2253).getEncoded());
  }

  private static String pem(X509Certificate certificate) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(certificate);
    }
    return text.toString();
  }
}
