package org.libreconnect.simulator.dmp;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.libreconnect.simulator.dmp.inject.FaultInjector;
import org.libreconnect.simulator.dmp.inject.SimulatorClock;
import org.libreconnect.simulator.dmp.server.ServiceTimes;
import org.libreconnect.simulator.dmp.server.TlsListener;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.store.DmpSeed;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.vihf.VihfPolicy;
import org.libreconnect.simulator.pki.ServerCredentials;
import org.libreconnect.simulator.pki.TestPki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running simulated DMP training server: the test listener (trusting the TEST IGC-Santé CAs)
 * and, optionally, a production-like listener (trusting only the production-like root), both on
 * 127.0.0.1, sharing one store. The handle resets and reseeds the data, injects errors and stops
 * the listeners.
 */
public final class DmpSimulator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DmpSimulator.class);

  private final DmpStore store;
  private final FaultInjector injector;
  private final DmpDispatcher dispatcher;
  private final ServerCredentials serverCredentials;
  private final TlsListener testListener;
  private final TlsListener productionLikeListener;

  private DmpSimulator(DmpStore store, FaultInjector injector, DmpDispatcher dispatcher,
      ServerCredentials serverCredentials, TlsListener testListener,
      TlsListener productionLikeListener) {
    this.store = store;
    this.injector = injector;
    this.dispatcher = dispatcher;
    this.serverCredentials = serverCredentials;
    this.testListener = testListener;
    this.productionLikeListener = productionLikeListener;
  }

  /**
   * Starts the listeners of {@code config}.
   *
   * @throws IllegalStateException when a listener cannot start (port in use, TLS set-up)
   */
  public static DmpSimulator start(DmpSimulatorConfig config) {
    TestPki pki = config.pki();
    SimulatorClock clock = new SimulatorClock(config.clock());
    FaultInjector injector = new FaultInjector(clock);
    DmpStore store = new DmpStore(config.seed());
    List<X509Certificate> signers = new ArrayList<>(config.policy().signerIssuers());
    signers.add(pki.fortPersons());
    signers.add(pki.elementaryOrganisations());
    signers.addAll(config.extraTrustedCas());
    VihfPolicy policy = new VihfPolicy(config.policy().maxAge(), config.policy().maxFutureSkew(),
        config.policy().nameIdMustMatchCertificate(), config.policy().checkStructures(), signers);
    DmpDispatcher dispatcher = DmpDispatcher.create(store, policy, injector, clock);
    ServerCredentials server = pki.issueServer(config.serverHostName());
    List<X509Certificate> testTrust = new ArrayList<>(List.of(pki.fortRoot(), pki.fortPersons(),
        pki.elementaryRoot(), pki.elementaryOrganisations()));
    testTrust.addAll(config.extraTrustedCas());
    TlsListener test = null;
    try {
      test = TlsListener.start("test", config.port(), server, testTrust, dispatcher);
      TlsListener productionLike = config.productionLikeListener()
          ? TlsListener.start("production-like", config.productionLikePort(), server,
              List.of(pki.productionLikeRoot(), pki.productionLikePersons()), dispatcher)
          : null;
      log.info("dmp.started url={} productionLikeUrl={}", test.baseUrl(),
          productionLike == null ? "-" : productionLike.baseUrl());
      return new DmpSimulator(store, injector, dispatcher, server, test, productionLike);
    } catch (Exception e) {
      if (test != null) {
        test.close();
      }
      throw new IllegalStateException("cannot start the DMP simulator: " + e.getMessage(), e);
    }
  }

  /** The test listener's base URL, {@code https://127.0.0.1:<port>/si-dmp-server/v2/services}. */
  public URI baseUrl() {
    return testListener.baseUrl();
  }

  /** How long the test listener took to answer each request (for benchmarks). */
  public ServiceTimes serviceTimes() {
    return testListener.serviceTimes();
  }

  /** The test listener's URL of {@code service}. */
  public URI serviceUrl(DmpService service) {
    return URI.create(baseUrl() + "/" + service.segment());
  }

  /** The production-like listener's base URL, when it runs. */
  public Optional<URI> productionLikeBaseUrl() {
    return Optional.ofNullable(productionLikeListener).map(TlsListener::baseUrl);
  }

  /** The server's certificate and chain (clients trust its root, TEST ELEMENTAIRE). */
  public ServerCredentials serverCredentials() {
    return serverCredentials;
  }

  /** The data, for tests that look or change it directly. */
  public DmpStore store() {
    return store;
  }

  /** The error-injection hooks. */
  public FaultInjector injector() {
    return injector;
  }

  /** The dispatcher, for in-memory requests. */
  public DmpDispatcher dispatcher() {
    return dispatcher;
  }

  /** Back to the seed, like a training server's reset; clears injected errors and offsets. */
  public void reset() {
    store.reset();
    injector.clear();
  }

  /** Replaces the seed and resets to it. */
  public void seed(DmpSeed seed) {
    store.reseed(seed);
    injector.clear();
  }

  /** Stops the listeners. */
  public void stop() {
    try {
      testListener.close();
    } finally {
      if (productionLikeListener != null) {
        productionLikeListener.close();
      }
      log.info("dmp.stopped");
    }
  }

  @Override
  public void close() {
    stop();
  }
}
