package org.libreconnect.diagnostics;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether the connector's host name (e.g. localhost.icanopee.net) resolves to a loopback address. */
public final class LoopbackNameCheck implements LiveCheck {
  private final String hostName;

  public LoopbackNameCheck(String hostName) {
    this.hostName = hostName;
  }

  @Override
  public String name() {
    return "Host name " + hostName + " resolves to loopback";
  }

  @Override
  public CheckResult run() {
    String name = name();
    try {
      InetAddress[] addresses = InetAddress.getAllByName(hostName);
      for (InetAddress address : addresses) {
        if (!address.isLoopbackAddress()) {
          return CheckResult.failed(name, "it resolves to " + address.getHostAddress() + ", not to this computer",
              "Run 'libreconnect-admin hosts ensure' as administrator so that the name points to 127.0.0.1.");
        }
      }
      return CheckResult.ok(name, "resolves to " + addresses[0].getHostAddress());
    } catch (UnknownHostException e) {
      return CheckResult.failed(name, "the name does not resolve",
          "Run 'libreconnect-admin hosts ensure' as administrator so that the name points to 127.0.0.1.");
    }
  }
}
