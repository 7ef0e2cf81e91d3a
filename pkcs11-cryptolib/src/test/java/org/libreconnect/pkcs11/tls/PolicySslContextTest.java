package org.libreconnect.pkcs11.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whatever a caller takes from the context (engine, socket, default parameters) carries the policy. */
class PolicySslContextTest {
  private SSLContext context;

  @BeforeEach
  void create() throws Exception {
    SSLContext jdk = SSLContext.getInstance("TLS");
    jdk.init(null, null, null);
    context = new PolicySslContext(jdk);
  }

  @Test
  void enginesAreLimitedToTls12AndPkcs1() {
    SSLEngine engine = context.createSSLEngine("dmp.example", 443);
    assertThat(engine.getSSLParameters().getProtocols()).containsExactly("TLSv1.2");
    assertThat(engine.getSSLParameters().getSignatureSchemes())
        .containsExactly("rsa_pkcs1_sha256", "rsa_pkcs1_sha384", "rsa_pkcs1_sha512");
    assertThat(context.createSSLEngine().getEnabledProtocols()).containsExactly("TLSv1.2");
  }

  @Test
  void socketsAreLimitedToTls12AndPkcs1() throws Exception {
    try (Socket socket = context.getSocketFactory().createSocket()) {
      SSLSocket ssl = (SSLSocket) socket;
      assertThat(ssl.getEnabledProtocols()).containsExactly("TLSv1.2");
      assertThat(ssl.getSSLParameters().getSignatureSchemes()).doesNotContain("rsa_pss_rsae_sha256");
    }
  }

  @Test
  void defaultParametersCarryThePolicyForClientsThatApplyThemThemselves() {
    assertThat(context.getDefaultSSLParameters().getProtocols()).containsExactly("TLSv1.2");
    assertThat(context.getDefaultSSLParameters().getSignatureSchemes()).allMatch(s -> s.startsWith("rsa_pkcs1_"));
    assertThat(context.getProtocol()).isEqualTo("TLSv1.2");
  }

  @Test
  void theContextIsForClientsAndAlreadyInitialised() {
    assertThatThrownBy(() -> context.init(null, null, null)).hasMessageContaining("initialised when created");
    assertThatThrownBy(() -> context.getServerSocketFactory()).isInstanceOf(UnsupportedOperationException.class);
  }
}
