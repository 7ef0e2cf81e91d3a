package org.libreconnect.simulator.dmp;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.libreconnect.simulator.dmp.store.DmpSeed;
import org.libreconnect.simulator.dmp.vihf.VihfPolicy;
import org.libreconnect.simulator.pki.TestPki;

/**
 * How to start a {@link DmpSimulator}.
 *
 * @param pki the test PKI: server certificate, trusted card roots, production-like root
 * @param seed the initial data
 * @param port the test listener's port, 0 for any free port
 * @param productionLikeListener whether to start the production-like listener as well
 * @param productionLikePort its port, 0 for any free port
 * @param serverHostName the host name in the server certificate (its SANs always hold 127.0.0.1
 *     when it is {@code localhost})
 * @param clock the base of the simulator's clock (offsets are injected on top)
 * @param policy the VIHF checks; the PKI's card and organisation CAs are added to its signers
 * @param extraTrustedCas more CAs the test listener trusts for clients and VIHF signers (such as
 *     the root of a simulated card started elsewhere)
 */
public record DmpSimulatorConfig(
    TestPki pki,
    DmpSeed seed,
    int port,
    boolean productionLikeListener,
    int productionLikePort,
    String serverHostName,
    Clock clock,
    VihfPolicy policy,
    List<X509Certificate> extraTrustedCas) {

  public DmpSimulatorConfig {
    Objects.requireNonNull(pki, "pki");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(serverHostName, "serverHostName");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(policy, "policy");
    extraTrustedCas = List.copyOf(extraTrustedCas);
    checkPort(port, "port");
    checkPort(productionLikePort, "productionLikePort");
  }

  /**
   * The defaults: the shipped seed, any free ports, both listeners, a certificate for {@code
   * localhost}, the system clock (UTC), the default VIHF policy.
   */
  public static DmpSimulatorConfig defaults(TestPki pki) {
    return new DmpSimulatorConfig(pki, DmpSeed.defaultSeed(), 0, true, 0, "localhost",
        Clock.systemUTC(), VihfPolicy.defaults(List.of()), List.of());
  }

  /** This configuration with another seed. */
  public DmpSimulatorConfig withSeed(DmpSeed other) {
    return new DmpSimulatorConfig(pki, other, port, productionLikeListener, productionLikePort,
        serverHostName, clock, policy, extraTrustedCas);
  }

  /** This configuration with the test listener on {@code other}. */
  public DmpSimulatorConfig withPort(int other) {
    return new DmpSimulatorConfig(pki, seed, other, productionLikeListener, productionLikePort,
        serverHostName, clock, policy, extraTrustedCas);
  }

  /** This configuration with the production-like listener on {@code other}, or none. */
  public DmpSimulatorConfig withProductionLikeListener(boolean enabled, int other) {
    return new DmpSimulatorConfig(pki, seed, port, enabled, other, serverHostName, clock, policy,
        extraTrustedCas);
  }

  /** This configuration with another base clock. */
  public DmpSimulatorConfig withClock(Clock other) {
    return new DmpSimulatorConfig(pki, seed, port, productionLikeListener, productionLikePort,
        serverHostName, other, policy, extraTrustedCas);
  }

  /** This configuration with another VIHF policy. */
  public DmpSimulatorConfig withPolicy(VihfPolicy other) {
    return new DmpSimulatorConfig(pki, seed, port, productionLikeListener, productionLikePort,
        serverHostName, clock, other, extraTrustedCas);
  }

  /** This configuration also trusting {@code cas} on the test listener. */
  public DmpSimulatorConfig withExtraTrustedCas(List<X509Certificate> cas) {
    return new DmpSimulatorConfig(pki, seed, port, productionLikeListener, productionLikePort,
        serverHostName, clock, policy, cas);
  }

  private static void checkPort(int value, String name) {
    if (value < 0 || value > 65535) {
      throw new IllegalArgumentException(name + " " + value + " is not a port");
    }
  }
}
