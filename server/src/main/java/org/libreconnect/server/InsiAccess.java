package org.libreconnect.server;

import java.net.URI;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.libreconnect.dmp.TransactionDump;
import org.libreconnect.dmp.transport.DmpTransport;
import org.libreconnect.dmp.transport.DumpingTransport;
import org.libreconnect.dmp.transport.ProxySettings;
import org.libreconnect.dmp.transport.TransportFactory;
import org.libreconnect.insi.InsiConnector;
import org.libreconnect.insi.InsiUrls;

/**
 * Reaches INSi for requests in structure authentication: the establishment's certificate for the
 * TLS connection and the signed assertion, which names the professional of the request. A
 * connector and a connection per request; nothing is kept between requests.
 */
public final class InsiAccess {
  private final EstablishmentCredential establishment;
  private final Supplier<KeyStore> roots;
  private final Supplier<Optional<URI>> simulatorEndpoint;
  private final Optional<java.nio.file.Path> dumpDirectory;
  private final Clock clock;
  private final TransportFactory transports;
  private final Optional<ProxySettings> proxy;
  private final Duration timeout;
  private volatile SSLContext tls;

  /**
   * @param roots the roots the INSi server's certificate must chain to
   * @param simulatorEndpoint in simulation mode, the simulated INSi that replaces the official URLs
   */
  public InsiAccess(EstablishmentCredential establishment, Supplier<KeyStore> roots,
      Supplier<Optional<URI>> simulatorEndpoint, Optional<java.nio.file.Path> dumpDirectory, Clock clock,
      TransportFactory transports, Optional<ProxySettings> proxy, Duration timeout) {
    this.establishment = establishment;
    this.roots = roots;
    this.simulatorEndpoint = simulatorEndpoint;
    this.dumpDirectory = dumpDirectory;
    this.clock = clock;
    this.transports = transports;
    this.proxy = proxy;
    this.timeout = timeout;
  }

  /**
   * Runs {@code work} with an INSi connector for {@code identity} on the service {@code insiUrl}
   * names ({@code s_insiUrl}: empty for production, or an https URL).
   */
  public <T> T call(RequestIdentity identity, String insiUrl, Function<InsiConnector, T> work) {
    InsiUrls urls = InsiUrls.resolve("s_insiUrl", insiUrl, simulatorEndpoint);
    SSLContext context = tls;
    if (context == null) {
      context = establishment.tlsContext(roots.get());
      tls = context;
    }
    DmpTransport transport = transports.create(context, proxy, timeout);
    if (dumpDirectory.isPresent()) {
      transport = new DumpingTransport(transport, new TransactionDump(dumpDirectory.get(), clock));
    }
    try (InsiConnector connector = new InsiConnector(new IndirectCredentials(establishment, identity), urls,
        transport, clock)) {
      return work.apply(connector);
    }
  }
}
