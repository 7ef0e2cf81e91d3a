package org.libreconnect.simulator.insi;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.libreconnect.simulator.pki.ServerCredentials;
import org.libreconnect.simulator.pki.TestPki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running simulated INSi service on 127.0.0.1: HTTPS with TLS 1.2, a client certificate
 * required and trusted only under the CPx persons CA of the simulation PKI or, for structure
 * authentication, its organisations CA (an unknown certificate fails the handshake), one endpoint {@code /lps} answering SOAP 1.2
 * {@code rechercherInsAvecTraitsIdentite} and {@code rechercherInsAvecCarteVitale}.
 */
public final class InsiSimulator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InsiSimulator.class);
  private static final String LOOPBACK = "127.0.0.1";
  private static final String PATH = "/lps";
  private static final int MAX_REQUEST_BYTES = 1 << 20;
  private static final char[] NO_PASSWORD = new char[0];

  private final Server server;
  private final ServerConnector connector;
  private final ServerCredentials credentials;
  private final AtomicReference<Duration> delay;

  private InsiSimulator(Server server, ServerConnector connector, ServerCredentials credentials,
      AtomicReference<Duration> delay) {
    this.server = server;
    this.connector = connector;
    this.credentials = credentials;
    this.delay = delay;
  }

  /** Starts a simulator with the shipped identities, accepting any software (IDAM). */
  public static InsiSimulator start(TestPki pki, Clock clock) {
    return start(pki, clock, 0, Optional.empty(), false);
  }

  /** Like {@link #start(TestPki, Clock, int, Optional, boolean)} for test cards. */
  public static InsiSimulator start(TestPki pki, Clock clock, int port, Optional<Set<String>> authorisedSoftware) {
    return start(pki, clock, port, authorisedSoftware, false);
  }

  /**
   * Starts a simulator on {@code port} (0: any free port).
   *
   * @param authorisedSoftware the IDAMs the service knows; empty: any
   * @param productionLike trust only cards of the production-like chain, as the production service
   *     refuses test cards (a test card then fails the handshake)
   */
  public static InsiSimulator start(TestPki pki, Clock clock, int port, Optional<Set<String>> authorisedSoftware,
      boolean productionLike) {
    X509Certificate personsCa = productionLike ? pki.productionLikePersons() : pki.fortPersons();
    // Structures (organisation certificates of the elementary chain) are test material: the
    // production-like instance trusts cards of its own chain only.
    List<X509Certificate> trusted = productionLike
        ? List.of(pki.productionLikeRoot(), pki.productionLikePersons())
        : List.of(pki.fortRoot(), pki.fortPersons(), pki.elementaryRoot(), pki.elementaryOrganisations());
    Optional<X509Certificate> organisationsCa = productionLike ? Optional.empty()
        : Optional.of(pki.elementaryOrganisations());
    ServerCredentials credentials = pki.issueServer("localhost");
    InsiService service = new InsiService(
        new InsiRequestCheck(personsCa, organisationsCa, authorisedSoftware, Duration.ofMinutes(10)),
        InsiDirectory.shipped(), clock);
    AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    try {
      SslContextFactory.Server tls = new SslContextFactory.Server();
      tls.setSslContext(context(credentials, trusted));
      tls.setNeedClientAuth(true);
      tls.setIncludeProtocols("TLSv1.2");
      tls.setRenegotiationAllowed(false);
      QueuedThreadPool threads = new QueuedThreadPool(16, 2);
      threads.setName("insi-simulator");
      threads.setDaemon(true);
      Server server = new Server(threads);
      HttpConfiguration https = new HttpConfiguration();
      https.setSendServerVersion(false);
      https.addCustomizer(new SecureRequestCustomizer(false));
      ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
          new HttpConnectionFactory(https));
      connector.setHost(LOOPBACK);
      connector.setPort(port);
      server.addConnector(connector);
      ServletContextHandler handler = new ServletContextHandler();
      handler.addServlet(new ServletHolder(new Endpoint(service, delay)), PATH);
      server.setHandler(handler);
      server.start();
      InsiSimulator simulator = new InsiSimulator(server, connector, credentials, delay);
      log.info("insi.started url={}", simulator.endpoint());
      return simulator;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the INSi simulator: " + e.getMessage(), e);
    }
  }

  /** {@code https://127.0.0.1:<port>/lps}. */
  public URI endpoint() {
    return URI.create("https://" + LOOPBACK + ":" + connector.getLocalPort() + PATH);
  }

  /** The server's certificate and chain. */
  public ServerCredentials serverCredentials() {
    return credentials;
  }

  /** Delays every answer by {@code value} (a slow service); zero for none. */
  public void delayAnswers(Duration value) {
    delay.set(value);
  }

  @Override
  public void close() {
    try {
      server.stop();
      log.info("insi.stopped");
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the INSi simulator", e);
    }
  }

  private static SSLContext context(ServerCredentials server, List<X509Certificate> trusted)
      throws GeneralSecurityException, IOException {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("server", server.keys().getPrivate(), NO_PASSWORD, server.certificateChain());
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, NO_PASSWORD);
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    for (int i = 0; i < trusted.size(); i++) {
      anchors.setCertificateEntry("trusted-" + i, (Certificate) trusted.get(i));
    }
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
    trustManagers.init(anchors);
    SSLContext context = SSLContext.getInstance("TLSv1.2");
    context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    return context;
  }

  /** The {@code /lps} endpoint: SOAP 1.2 over POST only. */
  private static final class Endpoint extends HttpServlet {
    private final transient InsiService service;
    private final transient AtomicReference<Duration> delay;

    Endpoint(InsiService service, AtomicReference<Duration> delay) {
      this.service = service;
      this.delay = delay;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String type = request.getContentType() == null ? "" : request.getContentType();
      byte[] body;
      try (InputStream in = request.getInputStream()) {
        body = in.readNBytes(MAX_REQUEST_BYTES + 1);
      }
      InsiService.Answer answer;
      if (!type.startsWith("application/soap+xml") || body.length > MAX_REQUEST_BYTES) {
        answer = new InsiService.Answer(InsiService.fault(InsiFault.invalidRequest(
            "the request must be a SOAP 1.2 message of at most 1 MiB")), true);
      } else {
        Optional<X509Certificate> client = request.getAttribute("jakarta.servlet.request.X509Certificate")
            instanceof X509Certificate[] chain && chain.length > 0 ? Optional.of(chain[0]) : Optional.empty();
        answer = service.answer(body, client);
      }
      Duration wait = delay.get();
      if (!wait.isZero()) {
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      response.setStatus(answer.fault() ? 500 : 200);
      response.setContentType("application/soap+xml;charset=UTF-8");
      response.getOutputStream().write(answer.bytes());
    }
  }
}
