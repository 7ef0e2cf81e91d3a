package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.dmp.transport.Attachment;
import org.libreconnect.dmp.transport.CxfDmpTransport;
import org.libreconnect.dmp.transport.SoapFaultException;
import org.libreconnect.dmp.transport.SoapRequest;
import org.libreconnect.dmp.transport.SoapResponse;
import org.libreconnect.dmp.transport.TransportException;
import org.libreconnect.dmp.xml.Xml;

@Timeout(60)
class CxfDmpTransportTest {
  static final String ENVELOPE =
      "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header/><s:Body>%s</s:Body></s:Envelope>";
  static TlsFixture tls;

  @BeforeAll
  static void pki() {
    tls = new TlsFixture();
  }

  static SSLContext client() throws Exception {
    return SoftwareCredentials.of(tls.card, tls.doctor).tlsContext(tls.dmpRoots());
  }

  static SoapRequest request(URI base, List<Attachment> attachments) {
    return new SoapRequest("TD0.2", URI.create(base + "/patients"), "urn:test:action",
        Xml.parse(String.format(ENVELOPE, "<ping xmlns=\"urn:test\">1</ping>").getBytes(StandardCharsets.UTF_8)),
        attachments);
  }

  @Test
  void exchangesPlainSoapOverMutualTls() throws Exception {
    try (SoapTestServer server = new SoapTestServer(tls.serverContext(),
            r -> SoapTestServer.Reply.soap(200, String.format(ENVELOPE, "<pong xmlns=\"urn:test\">2</pong>")));
        CxfDmpTransport transport = new CxfDmpTransport(client(), Optional.empty(), Duration.ofSeconds(10))) {
      SoapResponse answer = transport.exchange(request(server.base(), List.of()));
      assertThat(Xml.localName(answer.body())).isEqualTo("pong");
      transport.exchange(request(server.base(), List.of()));
      assertThat(server.received).hasSize(2);
      assertThat(server.received.get(0).contentType()).contains("application/soap+xml").contains("urn:test:action");
      assertThat(server.received.get(0).text()).contains("<ping");
    }
  }

  @Test
  void oneConnectionCarriesSuccessiveTransactions() throws Exception {
    CountingSslContext counting = CountingSslContext.around(client());
    try (SoapTestServer server = new SoapTestServer(tls.serverContext(),
            r -> SoapTestServer.Reply.soap(200, String.format(ENVELOPE, "<pong xmlns=\"urn:test\">2</pong>")));
        CxfDmpTransport transport = new CxfDmpTransport(counting, Optional.empty(), Duration.ofSeconds(10))) {
      for (int i = 0; i < 5; i++) {
        transport.exchange(request(server.base(), List.of()));
      }
      assertThat(server.received).hasSize(5);
      assertThat(counting.engines).hasValue(1);
    }
  }

  @Test
  void soapFaultKeepsCodeSubcodeAndReason() throws Exception {
    String fault = "<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>s:DMPInvalidCertificate</s:Value></s:Subcode></s:Code>"
        + "<s:Reason><s:Text xml:lang=\"fr\">Le certificat est invalide</s:Text></s:Reason></s:Fault>";
    try (SoapTestServer server = new SoapTestServer(tls.serverContext(),
            r -> SoapTestServer.Reply.soap(500, String.format(ENVELOPE, fault)));
        CxfDmpTransport transport = new CxfDmpTransport(client(), Optional.empty(), Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> transport.exchange(request(server.base(), List.of())))
          .isInstanceOfSatisfying(SoapFaultException.class, e -> {
            assertThat(e.subcode()).isEqualTo("DMPInvalidCertificate");
            assertThat(e.reason()).isEqualTo("Le certificat est invalide");
            assertThat(e.code()).endsWith("Sender");
          });
    }
  }

  @Test
  void sendsAndReadsMtomParts() throws Exception {
    String boundary = "uuid:b1";
    String root = String.format(ENVELOPE, "<r xmlns=\"urn:test\"><Document><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:doc1%40example\"/></Document></r>");
    String multipart = "--" + boundary + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\nContent-ID: <root.message@cxf.apache.org>\r\n\r\n"
        + root + "\r\n--" + boundary + "\r\nContent-Type: text/xml\r\nContent-ID: <doc1@example>\r\nContent-Transfer-Encoding: binary\r\n\r\n<ClinicalDocument/>\r\n--" + boundary + "--\r\n";
    String type = "multipart/related; type=\"application/xop+xml\"; boundary=\"" + boundary + "\"; start=\"<root.message@cxf.apache.org>\"; start-info=\"application/soap+xml\"";
    try (SoapTestServer server = new SoapTestServer(tls.serverContext(),
            r -> new SoapTestServer.Reply(200, type, multipart.getBytes(StandardCharsets.UTF_8)));
        CxfDmpTransport transport = new CxfDmpTransport(client(), Optional.empty(), Duration.ofSeconds(10))) {
      SoapResponse answer = transport.exchange(request(server.base(),
          List.of(new Attachment("part1@libreconnect", "application/pdf", new byte[] {1, 2, 3}))));
      assertThat(server.received.get(0).contentType()).startsWith("multipart/related").contains("application/xop+xml");
      assertThat(server.received.get(0).text()).contains("Content-ID: <part1@libreconnect>");
      String href = Xml.descendants(answer.body(), "Include").get(0).getAttribute("href");
      assertThat(answer.attachment(href)).get().extracting(a -> new String(a.content(), StandardCharsets.UTF_8))
          .isEqualTo("<ClinicalDocument/>");
    }
  }

  @Test
  void refusedConnectionIsATransportFailure() throws Exception {
    try (CxfDmpTransport transport = new CxfDmpTransport(client(), Optional.empty(), Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> transport.exchange(request(URI.create("https://localhost:1/x"), List.of())))
          .isInstanceOf(TransportException.class);
    }
  }
}
