package org.libreconnect.server;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Function;
import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.DmpSettings;
import org.libreconnect.dmp.DmpUrls;
import org.libreconnect.dmp.Oids;
import org.libreconnect.dmp.TransactionDump;
import org.libreconnect.dmp.transport.DmpTransport;
import org.libreconnect.dmp.transport.DumpingTransport;
import org.libreconnect.dmp.transport.ProxySettings;
import org.libreconnect.dmp.transport.TransportFactory;
import org.libreconnect.dmp.vihf.AccessMode;
import org.libreconnect.dmp.vihf.LpsIdentity;
import org.libreconnect.protocol.ProductVersion;

/**
 * Reaches the DMP for requests: a connector per request (nothing kept between requests but the
 * connections), over transports pooled per DMP address. A transport serves one request at a time;
 * idle ones are kept for the next request, so TLS sessions with the establishment key are reused.
 */
public final class DmpAccess {
  /** Software name in the VIHF and HL7 headers. */
  public static final String SOFTWARE_NAME = "LibreConnect";

  private final EstablishmentCredential establishment;
  private final DmpSettings settings;
  private final Clock clock;
  private final TransportFactory transports;
  private final Optional<ProxySettings> proxy;
  private final Duration timeout;
  private final LpsIdentity software;
  private final Map<String, LinkedBlockingDeque<DmpTransport>> pools = new ConcurrentHashMap<>();
  private final Map<String, javax.net.ssl.SSLContext> contexts = new ConcurrentHashMap<>();

  public DmpAccess(EstablishmentCredential establishment, DmpSettings settings, Clock clock,
      TransportFactory transports, Optional<ProxySettings> proxy, Duration timeout) {
    this.establishment = establishment;
    this.settings = settings;
    this.clock = clock;
    this.transports = transports;
    this.proxy = proxy;
    this.timeout = timeout;
    String instance = Oids.of(UUID.nameUUIDFromBytes(
        ("server|" + establishment.certificate().getSubjectX500Principal().getName())
            .getBytes(StandardCharsets.UTF_8)));
    this.software = new LpsIdentity(SOFTWARE_NAME, ProductVersion.current(),
        settings.homologationNumber(), instance);
  }

  /** The establishment whose key reaches the DMP. */
  public EstablishmentCredential establishment() {
    return establishment;
  }

  /**
   * Runs {@code work} with a connector for {@code identity} on the DMP {@code dmpUrl} names
   * ({@code s_dmpUrl}: empty for production, {@code formationN}, or a URL).
   */
  public <T> T call(RequestIdentity identity, String dmpUrl, Integer accessMode,
      Function<DmpConnector, T> work) {
    DmpUrls urls = DmpUrls.resolveWith(dmpUrl, settings.simulatorBase());
    LinkedBlockingDeque<DmpTransport> pool =
        pools.computeIfAbsent(urls.base().toString(), key -> new LinkedBlockingDeque<>());
    DmpTransport transport = pool.pollFirst();
    if (transport == null) {
      javax.net.ssl.SSLContext tls = contexts.computeIfAbsent(urls.base().toString(),
          key -> establishment.tlsContext(settings.dmpRoots().apply(urls)));
      transport = transports.create(tls, proxy, timeout);
      if (settings.dumpDirectory().isPresent()) {
        transport = new DumpingTransport(transport, new TransactionDump(settings.dumpDirectory().get(), clock));
      }
    }
    boolean healthy = false;
    try {
      DmpConnector connector = new DmpConnector(new IndirectCredentials(establishment, identity), urls,
          transport, clock, software, 0, identity.practiceSetting());
      if (accessMode != null) {
        connector.setAccessMode(AccessMode.ofJs2(accessMode));
      }
      T result = work.apply(connector);
      healthy = true;
      return result;
    } catch (RuntimeException e) {
      // A refusal by the DMP or of the input leaves the connection usable; a transport failure
      // (network, TLS, deadline) does not: that transport is closed and a new one made next time.
      healthy = !(e instanceof org.libreconnect.dmp.transport.TransportException);
      throw e;
    } finally {
      if (healthy) {
        pool.offerFirst(transport);
      } else {
        transport.close();
      }
    }
  }

  /** Closes the pooled connections. */
  public void close() {
    pools.values().forEach(pool -> {
      DmpTransport transport;
      while ((transport = pool.pollFirst()) != null) {
        transport.close();
      }
    });
  }
}
