package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real TLS handshakes against a server whose certificate chains to a throwaway
 * {@code TEST AC RACINE IGC-SANTE ELEMENTAIRE} (the simulation PKI: same subject names as the
 * IGC-Santé test chain, keys of its own), with the roots {@link DmpTrustStore} gives each
 * environment: a test root is trusted for the training DMPs only, never for production, and a
 * root that only bears the right name is not enough.
 */
class DmpTrustHandshakeTest {
  private static TlsFixture tls;
  private static ExecutorService server;

  @TempDir Path home;

  @BeforeAll
  static void pki() {
    tls = new TlsFixture();
    server = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stop() {
    server.shutdownNow();
  }

  /** Imports the throwaway test root for training, as {@code libreconnect-admin dmp-root import} does. */
  private Path rootsWithImportedTestRoot() throws Exception {
    Path roots = home.resolve("dmp-roots");
    Files.createDirectories(roots.resolve("training"));
    String pem = "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(tls.pki.elementaryRoot().getEncoded())
        + "\n-----END CERTIFICATE-----\n";
    Files.writeString(roots.resolve("training").resolve("test-root.pem"), pem);
    return roots;
  }

  @Test
  void aServerOfTheTestChainIsTrustedAgainstATrainingUrl() throws Exception {
    Path roots = rootsWithImportedTestRoot();

    handshake(DmpUrls.resolve("formation3", null).environment(), roots);
    handshake(DmpUrls.resolve("https://formation1.lps2.dmp.gouv.fr/si-dmp-server/v2/services", null)
        .environment(), roots);
  }

  @Test
  void theSameServerIsRefusedAgainstTheProductionUrl() throws Exception {
    Path roots = rootsWithImportedTestRoot();

    assertThatThrownBy(() -> handshake(DmpUrls.resolve("", null).environment(), roots))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void aRootThatOnlyBearsTheTestRootsNameIsNotTrusted() throws Exception {
    // Nothing imported: the shipped TEST AC RACINE IGC-SANTE ELEMENTAIRE has the same name as the
    // throwaway one, but not its key.
    assertThatThrownBy(() -> handshake(DmpUrls.Environment.TRAINING, home.resolve("dmp-roots")))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void noEnvironmentTrustsTheJdkRoots() throws Exception {
    for (DmpUrls.Environment environment : DmpUrls.Environment.values()) {
      KeyStore store = DmpTrustStore.load(environment, home.resolve("dmp-roots"), List.of());
      int shipped = switch (environment) {
        case PRODUCTION -> 1;
        case TRAINING -> 2;
        case OTHER -> 0;
      };
      assertThat(Collections.list(store.aliases())).as(environment.name()).hasSize(shipped);
    }
  }

  /** One TLS 1.2 handshake with the throwaway server, trusting what {@code environment} trusts. */
  private void handshake(DmpUrls.Environment environment, Path roots) throws Exception {
    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
    trust.init(DmpTrustStore.load(environment, roots, List.of()));
    SSLContext client = SSLContext.getInstance("TLSv1.2");
    client.init(null, trust.getTrustManagers(), null);
    try (SSLServerSocket listener = (SSLServerSocket) tls.serverContext().getServerSocketFactory()
        .createServerSocket(0)) {
      listener.setSoTimeout(10_000);
      Future<?> accepted = server.submit(() -> {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
          socket.setSoTimeout(10_000);
          socket.startHandshake();
          socket.getOutputStream().write(1);
          socket.getOutputStream().flush();
        }
        return null;
      });
      try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("localhost",
          listener.getLocalPort())) {
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        assertThat(socket.getInputStream().read()).isEqualTo(1);
      } finally {
        try {
          accepted.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException ignored) {
          // the server side fails too when the client refuses it
        }
      }
    }
  }
}
