package org.libreconnect.diagnostics;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/** A national service endpoint the connector calls: a label and its HTTPS host and port. */
public record Endpoint(String label, String host, int port) {

  /** The endpoints of the JS2 network prerequisites: DMP production and the INSi service. */
  public static final List<Endpoint> NATIONAL =
      List.of(
          of("DMP", URI.create("https://lps2.dmp.gouv.fr/si-dmp-server/v2/services")),
          of("INSi", URI.create("https://services-ps.ameli.fr/lps")));

  public Endpoint {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535");
    }
  }

  public static Endpoint of(String label, URI uri) {
    int port = uri.getPort() > 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
    return new Endpoint(label, uri.getHost(), port);
  }

  public String hostPort() {
    return host + ":" + port;
  }
}
