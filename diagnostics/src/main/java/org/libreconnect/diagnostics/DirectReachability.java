package org.libreconnect.diagnostics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;

/** Whether a TCP connection to an endpoint opens without a proxy. */
public final class DirectReachability implements LiveCheck {
  private final Endpoint endpoint;
  private final Duration timeout;

  public DirectReachability(Endpoint endpoint, Duration timeout) {
    this.endpoint = endpoint;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return endpoint.label() + " reachable directly (" + endpoint.hostPort() + ")";
  }

  @Override
  public CheckResult run() {
    String name = name();
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) timeout.toMillis());
      long ms = (System.nanoTime() - start) / 1_000_000;
      return CheckResult.ok(name, "TCP connection opened in " + ms + " ms");
    } catch (UnknownHostException e) {
      return CheckResult.failed(name, "the name does not resolve",
          "Check the DNS server of this computer, or set the proxy the network requires in the Settings.");
    } catch (IOException e) {
      return CheckResult.failed(name, "no connection (" + Messages.brief(e) + ")",
          "Ask the network administrator to open outgoing HTTPS to this host, or set the proxy the network requires.");
    }
  }
}
