package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.libreconnect.testsupport.Js2Client;

/** One JS2 session of an IT, driving the card commands as a web page does: a socket per command. */
final class CardSession {
  final Js2Client client;
  final String origin;
  final String id;

  private CardSession(Js2Client client, String origin, String id) {
    this.client = client;
    this.origin = origin;
    this.id = id;
  }

  /** Opens a session for {@code applicationId} (its own worker per application). */
  static CardSession open(Js2Client client, String origin, String applicationId) throws Exception {
    JsonNode answer =
        client.call(origin, "{\"s_commandName\":\"hl_openSession\",\"i_timeoutInSeconds\":3600,"
            + "\"s_applicationId\":\"" + applicationId + "\"}");
    assertThat(answer.path("s_status").asText()).as(answer.toString()).isEqualTo("OK");
    return new CardSession(client, origin, answer.path("s_sessionId").asText());
  }

  /** Sends {@code command} (a JSON object) with this session's id. */
  JsonNode call(String command) throws Exception {
    ObjectNode body = (ObjectNode) client.mapper().readTree(command);
    body.put("s_sessionId", id);
    return client.call(origin, body.toString());
  }

  JsonNode readers() throws Exception {
    return call("{\"s_commandName\":\"hl_getPcscReaders\"}");
  }

  JsonNode select(String readerName) throws Exception {
    return call("{\"s_commandName\":\"hl_getCpxCard\",\"i_readerNumber\":0,\"s_readerName\":\""
        + readerName + "\"}");
  }

  JsonNode status() throws Exception {
    return call("{\"s_commandName\":\"hl_getCpxStatus\"}");
  }

  JsonNode read(String pin) throws Exception {
    return call("{\"s_commandName\":\"hl_readCpxCard\",\"s_pinCode\":\"" + pin
        + "\",\"i_returnCertificates\":1}");
  }

  JsonNode signString(String pin, String text) throws Exception {
    ObjectNode command = client.mapper().createObjectNode();
    command.put("s_commandName", "hl_signWithCpxCard");
    command.put("s_pinCode", pin);
    command.put("s_stringToSign", text);
    return call(command.toString());
  }

  JsonNode signData(String pin, byte[] data) throws Exception {
    return call("{\"s_commandName\":\"hl_signWithCpxCard\",\"s_pinCode\":\"" + pin
        + "\",\"i_digestType\":1,\"s_dataToSignInBase64\":\""
        + Base64.getEncoder().encodeToString(data) + "\"}");
  }

  void close() throws Exception {
    call("{\"s_commandName\":\"hl_closeSession\"}");
  }

  /** The slot type of {@code readerName} in {@code hl_getPcscReaders}, or -1 when not listed. */
  int slotType(String readerName) throws Exception {
    for (JsonNode reader : readers().path("Readers")) {
      if (reader.path("s_name").asText().equals(readerName)) {
        return reader.path("i_slotType").asInt();
      }
    }
    return -1;
  }

  /** Waits until {@code readerName} shows {@code slotType} in {@code hl_getPcscReaders}. */
  void awaitSlotType(String readerName, int slotType, java.time.Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    int seen;
    while ((seen = slotType(readerName)) != slotType) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "reader " + readerName + " never showed slot type " + slotType + " (still " + seen + ")");
      }
      Thread.sleep(100);
    }
  }

  static void assertOk(JsonNode answer) {
    assertThat(answer.path("s_status").asText()).as(answer.toString()).isEqualTo("OK");
  }

  static void assertCardError(JsonNode answer, int code) {
    assertThat(answer.path("s_status").asText()).as(answer.toString()).isEqualTo("API_ERROR");
    assertThat(answer.path("i_apiErrorType").asInt()).isEqualTo(1);
    assertThat(answer.path("i_apiErrorCode").asInt()).as(answer.toString()).isEqualTo(code);
  }

  /**
   * Checks a {@code hl_signWithCpxCard} answer: RSA PKCS#1 v1.5 SHA-256 over {@code data} with the
   * returned certificate, and {@code s_digest} = base64(SHA-256(data)). Returns the certificate.
   */
  static X509Certificate assertSignature(JsonNode answer, byte[] data) throws Exception {
    assertOk(answer);
    X509Certificate certificate = certificate(answer.path("s_signatureCertificate").asText());
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(data);
    assertThat(verifier.verify(Base64.getDecoder().decode(answer.path("s_signature").asText())))
        .as("the signature verifies with the returned certificate")
        .isTrue();
    assertThat(answer.path("s_digest").asText())
        .isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data)));
    return certificate;
  }

  static X509Certificate certificate(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }
}
