package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.protocol.error.ErrorAnswer;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.worker.WorkerErrors;
import org.libreconnect.dmp.time.TimeUnavailableException;
import org.libreconnect.dmp.transport.CxfDmpTransport;
import org.libreconnect.dmp.transport.TransportException;

@Timeout(60)
class DmpErrorsTest {
  static TlsFixture tls;

  @BeforeAll
  static void pki() {
    tls = new TlsFixture();
  }

  static ErrorAnswer answer(Throwable failure) {
    return new WorkerErrors().toAnswer(failure, "hl_getDirectAuthenticationDMPStatus");
  }

  static ErrorAnswer callWith(DmpCredentials credentials, URI base) {
    try (CxfDmpTransport transport = new CxfDmpTransport(credentials.tlsContext(tls.dmpRoots()), Optional.empty(),
        Duration.ofSeconds(5))) {
      transport.exchange(CxfDmpTransportTest.request(base, List.of()));
      throw new AssertionError("the call succeeded");
    } catch (TransportException e) {
      return answer(e);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aCardFromAnotherRootIsRefusedWithTheTestCardHint() throws Exception {
    CardCredentials production = tls.pki.issueCardFromProductionLikeRoot(tls.doctor);
    try (SoapTestServer server = new SoapTestServer(tls.serverContext(), r -> SoapTestServer.Reply.soap(200, ""))) {
      ErrorAnswer answer = callWith(SoftwareCredentials.of(production, tls.doctor), server.base());
      assertThat(answer.status().name()).isEqualTo("API_ERROR");
      assertThat(answer.apiErrorType()).isEqualTo(3);
      assertThat(answer.apiErrorCode()).isEqualTo(58);
      assertThat(answer.apiErrorDescription()).contains("test card").contains("production");
      assertThat(answer.apiErrorExtendedInformations()).contains("endpoint=https://localhost:");
    }
  }

  @Test
  void anUntrustedServerIsTypeThreeCodeSixty() throws Exception {
    TlsFixture other = new TlsFixture();
    try (SoapTestServer server = new SoapTestServer(other.serverContext(), r -> SoapTestServer.Reply.soap(200, ""))) {
      ErrorAnswer answer = callWith(SoftwareCredentials.of(tls.card, tls.doctor), server.base());
      assertThat(answer.apiErrorType()).isEqualTo(3);
      assertThat(answer.apiErrorCode()).isEqualTo(60);
      assertThat(answer.apiErrorDescription()).contains("Put its root in <home>/tls/dmp-roots/");
    }
  }

  @Test
  void anUntrustedOfficialServerNamesTheMissingRootAndTheImportCommand() {
    assertThat(org.libreconnect.dmp.errors.DmpErrors.trustHint(
        "https://formation2.lps2.dmp.gouv.fr/si-dmp-server/v2/services/patients"))
        .contains("TEST AC RACINE IGC-SANTE ELEMENTAIRE")
        .contains("libreconnect-admin dmp-root import --environment training --file <file>");
    assertThat(org.libreconnect.dmp.errors.DmpErrors.trustHint(
        "https://lps2.dmp.gouv.fr/si-dmp-server/v2/services/patients"))
        .contains("AC RACINE IGC-SANTE ELEMENTAIRE (shipped)")
        .contains("--environment production");
  }

  @Test
  void refusedConnectionTimeoutAndTimeServer() {
    ErrorAnswer refused = callWith(SoftwareCredentials.of(tls.card, tls.doctor), URI.create("https://127.0.0.1:1/x"));
    assertThat(refused.apiErrorType()).isEqualTo(3);
    assertThat(refused.apiErrorCode()).isEqualTo(7);
    ErrorAnswer timeout = answer(new TransportException("https://x", 0, "timeout",
        new java.net.http.HttpTimeoutException("request timed out")));
    assertThat(timeout.apiErrorCode()).isEqualTo(28);
    ErrorAnswer time = answer(new TimeUnavailableException("127.0.0.1:1123",
        "The time server 127.0.0.1:1123 did not answer within 3000 ms", null));
    assertThat(time.apiErrorType()).isEqualTo(3);
    assertThat(time.apiErrorDescription()).contains("did not answer").contains("synchronised clock");
  }

  @Test
  void aProxysRefusalIsTheStatusNotDigitsOfAPort() {
    ErrorAnswer proxy = answer(new TransportException("https://127.0.0.1:1/x", 0, "tunnel",
        new IOException("Unable to tunnel through proxy. Proxy returns \"HTTP/1.1 407 Proxy Authentication Required\"")));
    assertThat(proxy.apiErrorCode()).isEqualTo(56);
    assertThat(proxy.apiErrorDescription()).contains("HTTP 407");

    ErrorAnswer tunnel = answer(new TransportException("https://127.0.0.1:1/x", 0, "tunnel",
        new IOException("Tunnel failed, got: 401")));
    assertThat(tunnel.apiErrorCode()).isEqualTo(56);
    assertThat(tunnel.apiErrorDescription()).contains("HTTP 401").contains("proxy login");
    assertThat(answer(new TransportException("https://127.0.0.1:1/x", 0, "tunnel",
        new IOException("Tunnel failed, got: 502"))).apiErrorDescription())
        .contains("proxy refused").contains("HTTP 502").doesNotContain("login");

    ErrorAnswer port = answer(new TransportException("https://127.0.0.1:40753/x", 0,
        "Could not send Message to https://127.0.0.1:40753/x", new IOException("Connection reset")));
    assertThat(port.apiErrorDescription()).doesNotContain("407").contains("broke");
  }
}
