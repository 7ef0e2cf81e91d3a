package org.libreconnect.pkcs11.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.security.ProviderException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.libreconnect.pkcs11.exceptions.CardException;
import org.libreconnect.pkcs11.exceptions.ClientCertificateRejectedException;
import org.libreconnect.pkcs11.exceptions.NotLoggedInException;
import org.libreconnect.pkcs11.exceptions.ServerNotTrustedException;
import org.libreconnect.pkcs11.exceptions.TlsHandshakeException;
import org.libreconnect.pkcs11.exceptions.TokenRemovedException;

class TlsFailuresTest {
  @Test
  void aPkixPathErrorMeansTheServerIsNotTrusted() {
    SSLHandshakeException failure = handshake("PKIX path building failed: unable to find valid certification path",
        new CertificateException("validator", new CertPathBuilderException("unable to find valid certification path")));

    CardException mapped = TlsFailures.map(failure);

    assertThat(mapped).isInstanceOf(ServerNotTrustedException.class).hasCause(failure);
    assertThat(mapped.code()).isEqualTo("TLS_SERVER_NOT_TRUSTED");
  }

  @Test
  void aCertificateAlertFromTheServerMeansOurCertificateWasRefused() {
    for (String alert : new String[] {"bad_certificate", "certificate_unknown", "unknown_ca", "certificate_required"}) {
      CardException mapped = TlsFailures.map(handshake("Received fatal alert: " + alert, null));
      assertThat(mapped).isInstanceOf(ClientCertificateRejectedException.class).hasMessageContaining(alert);
    }
  }

  @Test
  void cardFailuresDuringTheHandshakeKeepTheirMeaning() {
    NotLoggedInException notLoggedIn = new NotLoggedInException("no PIN", null);
    assertThat(TlsFailures.map(handshake("(internal_error) no PIN", notLoggedIn))).isSameAs(notLoggedIn);
    assertThat(TlsFailures.map(handshake("internal_error", new ProviderException("Token has been removed"))))
        .isInstanceOf(TokenRemovedException.class);
  }

  @Test
  void anythingElseIsAPlainHandshakeFailure() {
    assertThat(TlsFailures.map(handshake("Received fatal alert: protocol_version", null)))
        .isInstanceOf(TlsHandshakeException.class);
    assertThat(TlsFailures.map(new SocketException("Broken pipe")))
        .isInstanceOf(TlsHandshakeException.class)
        .hasMessageContaining("the server closed the connection");
  }

  private static SSLHandshakeException handshake(String message, Throwable cause) {
    return new SSLHandshakeException(message, cause);
  }
}
