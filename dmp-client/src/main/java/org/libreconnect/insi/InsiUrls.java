package org.libreconnect.insi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.libreconnect.protocol.error.InvalidParameterException;

/**
 * Where the INSi service is, from the URL of {@code hl_createInsiConnector}: empty means
 * production, a value starting with {@code https://} is used as it is, except that in simulation
 * mode the production and qualification hosts ({@code *.services-ps.ameli.fr}) reach the
 * simulator. docs/insi.md lists the URLs and where they come from.
 */
public final class InsiUrls {
  /** Qualification endpoint, as the official WSDL's {@code soap12:address} gives it. */
  public static final URI QUALIFICATION = URI.create("https://qualiflps.services-ps.ameli.fr/lps");
  /** Production endpoint: the qualification host without its {@code qualiflps.} prefix. */
  public static final URI PRODUCTION = URI.create("https://services-ps.ameli.fr/lps");

  private static final String OFFICIAL_DOMAIN = "services-ps.ameli.fr";

  private final URI endpoint;

  private InsiUrls(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** The endpoint named by {@code url}; in simulation mode {@code simulator} replaces the official hosts. */
  public static InsiUrls resolve(String key, String url, Supplier<Optional<URI>> simulator) {
    String value = url == null ? "" : url.strip();
    if (value.isEmpty()) {
      return new InsiUrls(simulator.get().orElse(PRODUCTION));
    }
    if (!value.toLowerCase(Locale.ROOT).startsWith("https://")) {
      throw new InvalidParameterException(key, "must be empty or an https:// URL");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidParameterException(key, "must be empty or an https:// URL");
    }
    if (uri.getHost() == null) {
      throw new InvalidParameterException(key, "must be empty or an https:// URL");
    }
    if (isOfficial(uri.getHost())) {
      Optional<URI> simulated = simulator.get();
      if (simulated.isPresent()) {
        return new InsiUrls(simulated.get());
      }
    }
    return new InsiUrls(uri);
  }

  private static boolean isOfficial(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.equals(OFFICIAL_DOMAIN) || lower.endsWith("." + OFFICIAL_DOMAIN);
  }

  /** The service endpoint. */
  public URI endpoint() {
    return endpoint;
  }

  /** Whether this is the production service. */
  public boolean isProduction() {
    return PRODUCTION.getHost().equalsIgnoreCase(endpoint.getHost());
  }

  @Override
  public String toString() {
    return endpoint.toString();
  }
}
