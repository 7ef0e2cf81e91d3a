package org.libreconnect.config;

import java.util.List;
import java.util.Objects;

/**
 * The whole configuration file, read once and validated. Every part is immutable.
 *
 * @see ConfigLoader
 * @see ConfigDocument
 */
public record ConnectorConfig(
    Server server,
    Updater updater,
    Proxy proxy,
    Ntp ntp,
    DmpConnect dmpConnect,
    Pkcs11 pkcs11,
    Simulation simulation,
    Debug debug) {

  public ConnectorConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(updater, "updater");
    Objects.requireNonNull(proxy, "proxy");
    Objects.requireNonNull(ntp, "ntp");
    Objects.requireNonNull(dmpConnect, "dmpConnect");
    Objects.requireNonNull(pkcs11, "pkcs11");
    Objects.requireNonNull(simulation, "simulation");
    Objects.requireNonNull(debug, "debug");
  }

  /** The configuration used when there is no file, or an empty one. */
  public static ConnectorConfig defaults() {
    return new ConnectorConfig(
        Server.defaults(),
        Updater.defaults(),
        Proxy.none(),
        Ntp.defaults(),
        DmpConnect.defaults(),
        Pkcs11.defaults(),
        Simulation.defaults(),
        Debug.defaults());
  }

  /**
   * The paths of the settings set in this configuration that hold a secret, such as {@code
   * proxy/password}; never their values. A file holding any should be readable by its owner only.
   */
  public List<String> secretSettings() {
    return proxy.password().isPresent() ? List.of("proxy/password") : List.of();
  }

  public ConnectorConfig withServer(Server newServer) {
    return new ConnectorConfig(newServer, updater, proxy, ntp, dmpConnect, pkcs11, simulation, debug);
  }

  public ConnectorConfig withProxy(Proxy newProxy) {
    return new ConnectorConfig(server, updater, newProxy, ntp, dmpConnect, pkcs11, simulation, debug);
  }

  public ConnectorConfig withDebug(Debug newDebug) {
    return new ConnectorConfig(server, updater, proxy, ntp, dmpConnect, pkcs11, simulation, newDebug);
  }

  public ConnectorConfig withSimulation(Simulation newSimulation) {
    return new ConnectorConfig(server, updater, proxy, ntp, dmpConnect, pkcs11, newSimulation, debug);
  }
}
