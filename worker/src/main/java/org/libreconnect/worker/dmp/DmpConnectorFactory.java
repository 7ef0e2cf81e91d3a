package org.libreconnect.worker.dmp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.DmpCredentials;
import org.libreconnect.dmp.DmpHolder;
import org.libreconnect.dmp.DmpSettings;
import org.libreconnect.dmp.DmpUrls;
import org.libreconnect.dmp.Oids;
import org.libreconnect.dmp.TransactionDump;
import org.libreconnect.protocol.ProductVersion;
import org.libreconnect.protocol.command.DmpCommands.CreateDmpConnectorInput;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.worker.SessionContext;
import org.libreconnect.dmp.time.NtpClocks;
import org.libreconnect.dmp.transport.CxfDmpTransport;
import org.libreconnect.dmp.transport.DmpTransport;
import org.libreconnect.dmp.transport.DumpingTransport;
import org.libreconnect.dmp.transport.ProxySettings;
import org.libreconnect.dmp.transport.TransportFactory;
import org.libreconnect.dmp.vihf.LpsIdentity;

/**
 * Makes the connector of {@code hl_createDmpConnector}: presents the PIN to the session's card,
 * resolves the DMP address, the proxy and the time server (command first, then configuration),
 * checks that the time can be read, and prepares the transport. No connection is opened yet: the
 * first transaction does the TLS handshake with the card key.
 */
public final class DmpConnectorFactory {
  /** Software name in the VIHF and HL7 headers. */
  public static final String SOFTWARE_NAME = "LibreConnect";
  /** Transaction timeout when the command gives none. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final DmpCredentialsSource cards;
  private final DmpSettings settings;
  private final NtpClocks clocks;
  private final TransportFactory transports;

  /** The production factory: CXF transport, NTP clocks over the system clock. */
  public DmpConnectorFactory(DmpCredentialsSource cards, DmpSettings settings, Clock systemClock) {
    this(cards, settings, new NtpClocks(systemClock), CxfDmpTransport::new);
  }

  public DmpConnectorFactory(DmpCredentialsSource cards, DmpSettings settings, NtpClocks clocks,
      TransportFactory transports) {
    this.cards = cards;
    this.settings = settings;
    this.clocks = clocks;
    this.transports = transports;
  }

  public DmpConnector create(SessionContext session, CreateDmpConnectorInput input) {
    DmpUrls urls = DmpUrls.resolveWith(input.dmpUrl(), settings.simulatorBase());
    Duration timeout = timeout(input.transactionsTimeout());
    Optional<ProxySettings> proxy = proxy(input);
    Clock clock = clock(input);
    clock.instant(); // a clear error now rather than at the first transaction
    char[] pin = input.pinCode().toCharArray();
    DmpCredentials credentials;
    try {
      credentials = cards.login(session, pin);
    } finally {
      Arrays.fill(pin, '\0');
    }
    int location = input.cpsPracticeLocationIndice() == null ? 0 : input.cpsPracticeLocationIndice();
    String instance = instanceId(session, credentials.holder());
    DmpTransport transport = transports.create(credentials.tlsContext(settings.dmpRoots().apply(urls)), proxy, timeout);
    if (settings.dumpDirectory().isPresent()) {
      transport = new DumpingTransport(transport, new TransactionDump(settings.dumpDirectory().get(), clock));
    }
    LpsIdentity software = new LpsIdentity(SOFTWARE_NAME, ProductVersion.current(),
        settings.homologationNumber(), instance);
    return new DmpConnector(credentials, urls, transport, clock, software, location, input.practiceSetting());
  }

  /** {@code s_instanceUniqueId}: an OID stable for one application, user and professional. */
  static String instanceId(SessionContext session, DmpHolder holder) {
    String key = session.applicationId() + "|" + session.userName() + "|" + session.domainName() + "|" + holder.psIdNat();
    return Oids.of(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
  }

  /** The transaction deadline of {@code i_transactionsTimeout} (0 or absent: 60 s). */
  public static Duration timeout(Integer seconds) {
    if (seconds == null || seconds == 0) {
      return DEFAULT_TIMEOUT;
    }
    if (seconds < 0 || seconds > 3600) {
      throw new InvalidParameterException("i_transactionsTimeout", "must be between 1 and 3600 seconds");
    }
    return Duration.ofSeconds(seconds);
  }

  private Optional<ProxySettings> proxy(CreateDmpConnectorInput input) {
    return proxy(input.proxyIpOrUrl(), input.proxyPort(), input.proxyLogin(), input.proxyPassword(), settings.proxy());
  }

  /** The proxy a connector command names, else the configured one, else none. */
  public static Optional<ProxySettings> proxy(String ipOrUrl, Integer port, String login, String password,
      org.libreconnect.config.Proxy configured) {
    if (ipOrUrl != null && !ipOrUrl.isBlank()) {
      if (port == null || port < 1 || port > 65535) {
        throw new InvalidParameterException("i_proxyPort", "must be a port (1-65535) when s_proxyIpOrUrl is set");
      }
      return Optional.of(new ProxySettings(host(ipOrUrl), port,
          Optional.ofNullable(blankToNull(login)), Optional.ofNullable(password)));
    }
    if (configured.configured()) {
      return Optional.of(new ProxySettings(configured.server().get(), configured.port().getAsInt(),
          configured.login(), configured.password()));
    }
    return Optional.empty();
  }

  private Clock clock(CreateDmpConnectorInput input) {
    return clock(clocks, input.ntpIpOrUrl(), input.ntpPort(), settings.ntp());
  }

  /** The clock of the time server a connector command names, else of the configured one. */
  public static Clock clock(NtpClocks clocks, String ntpIpOrUrl, Integer ntpPort, org.libreconnect.config.Ntp configured) {
    if (ntpIpOrUrl != null && !ntpIpOrUrl.isBlank()) {
      int port = ntpPort == null || ntpPort == 0 ? 123 : ntpPort;
      if (port < 1 || port > 65535) {
        throw new InvalidParameterException("i_ntpPort", "must be a port (1-65535)");
      }
      return clocks.forServer(host(ntpIpOrUrl), port);
    }
    return clocks.forServer(configured.server().orElse(null), configured.port());
  }

  /** A host from "host", "http://host:port/" or "host:port" as clients send it. */
  private static String host(String value) {
    String host = value.strip().replaceFirst("^[a-zA-Z]+://", "");
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.indexOf(':') == colon) {
      host = host.substring(0, colon);
    }
    return host;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
