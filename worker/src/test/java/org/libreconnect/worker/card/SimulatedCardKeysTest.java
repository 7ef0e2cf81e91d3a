package org.libreconnect.worker.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.Security;
import java.security.Signature;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.card.InProcessTerminals;
import org.libreconnect.simulator.card.SimulatedCard;
import org.libreconnect.dmp.TlsFixture;

/** The simulated card's keys once unlocked: the card signs the TLS handshake and the data. */
class SimulatedCardKeysTest {
  private static final String READER = "CPS Reader 0";
  private static final String PROVIDER_PREFIX = "LibreConnectCard-";

  private final TlsFixture tls = new TlsFixture();
  private final CardExecutor executor = new CardExecutor();

  @AfterEach
  void stop() {
    executor.close();
  }

  @Test
  void theCardSignsTheTlsHandshakeAndTheSubmissionSetUntilItCloses() throws Exception {
    InProcessTerminals terminals = InProcessTerminals.create(READER);
    terminals.reader(READER, SimulatedCard.create(tls.doctor, tls.card)).insert();
    CpxCard card = executor.call(
        () -> SimulatedCpxCard.open(terminals.getTerminal(READER), new SimulatedTerminalsPort(() -> terminals), Clock.systemUTC()).orElseThrow());
    char[] pin = "1234".toCharArray();
    CpxCard.Unlocked unlocked = executor.call(() -> card.unlock(pin, executor));
    assertThat(pin).as("the PIN is wiped").containsOnly('\0');

    byte[] data = "<ds:SignedInfo/>".getBytes(StandardCharsets.UTF_8);
    byte[] value = executor.call(() -> unlocked.keys().signSha256(data));
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(tls.card.signatureCertificate());
    verifier.update(data);
    assertThat(verifier.verify(value)).isTrue();

    KeyStore roots = tls.dmpRoots();
    SSLContext client = executor.call(() -> unlocked.keys().tlsContext(roots));
    assertThat(cardProviders()).as("registered while the card is open").isEqualTo(1);
    try (SSLServerSocket server = (SSLServerSocket) serverContext().getServerSocketFactory().createServerSocket(0)) {
      server.setNeedClientAuth(true);
      CompletableFuture<Object> peer = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket accepted = (SSLSocket) server.accept(); InputStream in = accepted.getInputStream()) {
          in.read();
          return accepted.getSession().getPeerCertificates()[0];
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("localhost", server.getLocalPort())) {
        socket.startHandshake();
        assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        socket.getOutputStream().write(1);
        socket.getOutputStream().flush();
        assertThat(peer.get(20, TimeUnit.SECONDS)).isEqualTo(tls.card.authenticationCertificate());
      }
    }

    executor.call(() -> {
      card.close();
      return null;
    });
    assertThat(cardProviders()).as("removed when the card closes").isZero();
  }

  private static long cardProviders() {
    return Arrays.stream(Security.getProviders()).filter(p -> p.getName().startsWith(PROVIDER_PREFIX)).count();
  }

  /** The server side, requiring a client certificate under the FORT CAs. */
  private SSLContext serverContext() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("server", tls.server.keys().getPrivate(), new char[0], tls.server.certificateChain());
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
    kmf.init(keys, new char[0]);
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("root", tls.pki.fortRoot());
    trusted.setCertificateEntry("persons", tls.pki.fortPersons());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trusted);
    SSLContext context = SSLContext.getInstance("TLSv1.2");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }
}
