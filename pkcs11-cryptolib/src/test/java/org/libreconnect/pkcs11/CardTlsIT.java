package org.libreconnect.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.pkcs11.exceptions.CardException;
import org.libreconnect.pkcs11.exceptions.ClientCertificateRejectedException;
import org.libreconnect.pkcs11.exceptions.NotLoggedInException;
import org.libreconnect.pkcs11.exceptions.ServerNotTrustedException;
import org.libreconnect.pkcs11.exceptions.TlsHandshakeException;
import org.libreconnect.pkcs11.tls.CardTlsContext;
import org.libreconnect.pkcs11.tls.TlsFailures;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.ServerCredentials;
import org.libreconnect.simulator.pki.TestPki;

/** Mutual TLS with the card's authentication key on SoftHSM2 against a real JDK TLS server. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CardTlsIT {
  /** What a token without RSA-PSS (a CPS3 card through the Cryptolib) offers SunPKCS11. */
  private static final Set<String> PSS_MECHANISMS = Set.of("CKM_RSA_PKCS_PSS", "CKM_SHA1_RSA_PKCS_PSS",
      "CKM_SHA224_RSA_PKCS_PSS", "CKM_SHA256_RSA_PKCS_PSS", "CKM_SHA384_RSA_PKCS_PSS", "CKM_SHA512_RSA_PKCS_PSS");

  @TempDir static Path work;
  static SoftHsmFixture hsm;
  static TestPki pki;
  static CardCredentials card;
  static ServerCredentials server;
  static long slotWithIssuer;
  static long slotWithoutIssuer;

  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeAll
  static void provision() throws Exception {
    pki = TestPki.generate();
    card = pki.issueCard(CpsIdentity.testDoctor());
    server = pki.issueServer("localhost");
    hsm = SoftHsmFixture.create(work);
    slotWithIssuer = hsm.initToken("Lecteur CPS 0");
    hsm.provision(slotWithIssuer, card, CpsIdentity.testDoctor(), true);
    slotWithoutIssuer = hsm.initToken("Lecteur CPS 1");
    hsm.provision(slotWithoutIssuer, card, CpsIdentity.testDoctor(), false);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : opened.reversed()) {
      closeable.close();
    }
  }

  @Test
  void theCardAuthenticatesOverTls12WithPkcs1Only() throws Exception {
    CpsToken token = loggedIn(slotWithIssuer, Set.of());
    MutualTlsServer tls = server(pki.fortRoot());

    try (SSLSocket socket = connect(CardTlsContext.create(token, trusting(pki.elementaryRoot())), tls)) {
      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
      assertThat(socket.getInputStream().read()).isEqualTo(42);
    }

    MutualTlsServer.Seen seen = tls.next();
    assertThat(seen.failure()).isNull();
    assertThat(seen.protocol()).isEqualTo("TLSv1.2");
    assertThat(seen.peerChain()).containsExactly(card.authenticationCertificate(), card.chain().get(0));
    assertThat(seen.peerSignatureAlgorithms()).as("signature_algorithms the client offered")
        .isNotEmpty()
        .allMatch(algorithm -> algorithm.endsWith("withRSA"))
        .noneMatch(algorithm -> algorithm.toUpperCase().contains("PSS"));
  }

  @Test
  void aTokenWithoutPssStillAuthenticates() throws Exception {
    CpsToken token = loggedIn(slotWithIssuer, PSS_MECHANISMS);
    MutualTlsServer tls = server(pki.fortRoot());

    try (SSLSocket socket = connect(CardTlsContext.create(token, trusting(pki.elementaryRoot())), tls)) {
      assertThat(socket.getInputStream().read()).isEqualTo(42);
    }
    assertThat(tls.next().peerChain()).first().isEqualTo(card.authenticationCertificate());
  }

  @Test
  void issuersMissingFromTheCardAreSentFromConfiguration() throws Exception {
    CpsToken token = loggedIn(slotWithoutIssuer, Set.of());
    MutualTlsServer tls = server(pki.fortRoot());
    SSLContext context = CardTlsContext.create(token, trusting(pki.elementaryRoot()), List.of(pki.fortPersons()));

    try (SSLSocket socket = connect(context, tls)) {
      assertThat(socket.getInputStream().read()).isEqualTo(42);
    }
    assertThat(tls.next().peerChain()).containsExactly(card.authenticationCertificate(), pki.fortPersons());
  }

  @Test
  void aServerOutsideTheTrustStoreIsReportedAsNotTrusted() throws Exception {
    CpsToken token = loggedIn(slotWithIssuer, Set.of());
    MutualTlsServer tls = server(pki.fortRoot());
    SSLContext context = CardTlsContext.create(token, trusting(pki.productionLikeRoot()));

    CardException mapped = TlsFailures.map(catchThrowable(() -> connect(context, tls).close()));

    assertThat(mapped).isInstanceOf(ServerNotTrustedException.class).hasMessageContaining("not trusted");
    assertThat(mapped.code()).isEqualTo("TLS_SERVER_NOT_TRUSTED");
  }

  @Test
  void aServerThatDoesNotTrustTheCardRefusesItsCertificate() throws Exception {
    CpsToken token = loggedIn(slotWithIssuer, Set.of());
    MutualTlsServer tls = server(pki.productionLikeRoot());
    SSLContext context = CardTlsContext.create(token, trusting(pki.elementaryRoot()));

    CardException mapped = TlsFailures.map(catchThrowable(() -> readOne(context, tls)));

    assertThat(mapped).isInstanceOf(ClientCertificateRejectedException.class);
    assertThat(tls.next().failure()).isNotNull();
  }

  @Test
  void aTls13OnlyServerIsRefused() throws Exception {
    CpsToken token = loggedIn(slotWithIssuer, Set.of());
    MutualTlsServer tls = server(pki.fortRoot(), "TLSv1.3");
    SSLContext context = CardTlsContext.create(token, trusting(pki.elementaryRoot()));

    assertThat(TlsFailures.map(catchThrowable(() -> connect(context, tls).close())))
        .isInstanceOf(TlsHandshakeException.class);
  }

  @Test
  void aHandshakeWithoutLoginFailsAsNotLoggedIn() throws Exception {
    CpsToken token = open(slotWithIssuer, Set.of());
    MutualTlsServer tls = server(pki.fortRoot());
    SSLContext context = CardTlsContext.create(token, trusting(pki.elementaryRoot()));

    assertThat(TlsFailures.map(catchThrowable(() -> readOne(context, tls)))).isInstanceOf(NotLoggedInException.class);
  }

  @Test
  void closingTheTokenWithdrawsItsProviderFromJsse() throws Exception {
    CpsToken token = loggedIn(slotWithIssuer, Set.of());
    CardTlsContext.create(token, trusting(pki.elementaryRoot()));
    String name = token.module().provider().getName();
    assertThat(Security.getProvider(name)).isNotNull();

    token.close();

    assertThat(Security.getProvider(name)).isNull();
  }

  @Test
  void handshakeTimings() throws Exception {
    CpsToken token = loggedIn(slotWithIssuer, Set.of());
    MutualTlsServer tls = server(pki.fortRoot());
    SSLContext context = CardTlsContext.create(token, trusting(pki.elementaryRoot()));
    List<Long> durations = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      long started = System.nanoTime();
      try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("localhost", tls.port()));
        socket.startHandshake();
        durations.add(System.nanoTime() - started);
        assertThat(socket.getSession().getPeerCertificates()).isNotEmpty();
        socket.getInputStream().read();
      }
      assertThat(tls.next().failure()).isNull();
      // no resumption: every round is a full handshake with a card signature
      context.getClientSessionContext().getIds().asIterator()
          .forEachRemaining(id -> context.getClientSessionContext().getSession(id).invalidate());
    }
    List<Long> warm = durations.subList(5, durations.size());
    System.out.printf("timing.softhsm tls1.2 mutual handshake first=%.1f ms, warm median=%.1f ms%n",
        durations.get(0) / 1e6, CpsTokenIT.median(warm));
  }

  private CpsToken open(long slot, Set<String> disabledMechanisms) {
    CpsToken token = CpsToken.open(Pkcs11Module.load(
        hsm.settings(SlotSelection.slotId(slot)).withDisabledMechanisms(disabledMechanisms)));
    opened.add(token);
    return token;
  }

  private CpsToken loggedIn(long slot, Set<String> disabledMechanisms) {
    CpsToken token = open(slot, disabledMechanisms);
    token.login(SoftHsmFixture.USER_PIN.toCharArray());
    return token;
  }

  private MutualTlsServer server(X509Certificate trustedClientRoot, String... protocols) throws Exception {
    MutualTlsServer tls = new MutualTlsServer(server, List.of(trustedClientRoot), protocols);
    opened.add(tls);
    return tls;
  }

  private static KeyStore trusting(X509Certificate root) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("root", root);
    return store;
  }

  private static SSLSocket connect(SSLContext context, MutualTlsServer tls) throws IOException {
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", tls.port());
    socket.setTcpNoDelay(true);
    try {
      socket.startHandshake();
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
    return socket;
  }

  /** Handshake and read the server's byte: a refusal of our certificate may only surface on reading. */
  private static void readOne(SSLContext context, MutualTlsServer tls) throws IOException {
    try (SSLSocket socket = connect(context, tls)) {
      if (socket.getInputStream().read() != 42) {
        throw new IOException("the server closed without answering");
      }
    }
  }
}
