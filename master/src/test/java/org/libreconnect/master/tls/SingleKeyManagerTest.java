package org.libreconnect.master.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleKeyManagerTest {
  @TempDir Path dir;

  private ServerCertificates.Material material() throws Exception {
    return new ServerCertificates(dir, "localhost.icanopee.net", Clock.systemUTC()).ensure();
  }

  @Test
  void servesItsKeyForItsAlgorithmOnly() throws Exception {
    ServerCertificates.Material material = material();
    SingleKeyManager manager = new SingleKeyManager(material.key(), material.chain());

    assertThat(material.key().getAlgorithm()).isEqualTo("EC");
    assertThat(manager.chooseEngineServerAlias("EC", null, null)).isEqualTo(SingleKeyManager.ALIAS);
    assertThat(manager.chooseServerAlias("EC_EC", null, null)).isEqualTo(SingleKeyManager.ALIAS);
    assertThat(manager.chooseEngineServerAlias("RSA", null, null)).isNull();
    assertThat(manager.chooseEngineServerAlias("ECDH", null, null)).as("not a prefix match").isNull();
    assertThat(manager.getServerAliases("EC", null)).containsExactly(SingleKeyManager.ALIAS);
    assertThat(manager.getServerAliases("RSA", null)).isNull();
    assertThat(manager.getPrivateKey(SingleKeyManager.ALIAS)).isSameAs(material.key());
    assertThat(manager.getCertificateChain(SingleKeyManager.ALIAS)).containsExactlyElementsOf(material.chain());
    assertThat(manager.getPrivateKey("other")).isNull();
    assertThat(manager.getCertificateChain("other")).isNull();
    assertThat(manager.chooseEngineClientAlias(new String[] {"EC"}, null, null)).isNull();
  }

  @Test
  void theChainItGivesCannotChangeItsOwn() throws Exception {
    ServerCertificates.Material material = material();
    SingleKeyManager manager = new SingleKeyManager(material.key(), material.chain());

    manager.getCertificateChain(SingleKeyManager.ALIAS)[0] = null;

    assertThat(manager.getCertificateChain(SingleKeyManager.ALIAS)[0]).isEqualTo(material.serverCertificate());
  }

  @Test
  void aKeyWithoutACertificateIsRefused() throws Exception {
    ServerCertificates.Material material = material();

    assertThatIllegalArgumentException().isThrownBy(() -> new SingleKeyManager(material.key(), List.of()));
  }

  @Test
  void noClientCertificateIsTrusted() throws Exception {
    ServerCertificates.Material material = material();
    X509Certificate[] chain = material.chain().toArray(X509Certificate[]::new);
    NoClientCertificates trust = new NoClientCertificates();

    assertThat(trust.getAcceptedIssuers()).isEmpty();
    assertThatExceptionOfType(CertificateException.class).isThrownBy(() -> trust.checkClientTrusted(chain, "EC"));
    assertThatExceptionOfType(CertificateException.class)
        .isThrownBy(() -> trust.checkClientTrusted(chain, "EC", (javax.net.ssl.SSLEngine) null));
    assertThatExceptionOfType(CertificateException.class)
        .isThrownBy(() -> trust.checkServerTrusted(chain, "EC", (java.net.Socket) null));
  }
}
