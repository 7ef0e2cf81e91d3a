package org.libreconnect.worker.insi;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.libreconnect.dmp.DmpCredentials;
import org.libreconnect.dmp.TransactionDump;
import org.libreconnect.dmp.time.NtpClocks;
import org.libreconnect.dmp.transport.CxfDmpTransport;
import org.libreconnect.dmp.transport.DmpTransport;
import org.libreconnect.dmp.transport.DumpingTransport;
import org.libreconnect.dmp.transport.ProxySettings;
import org.libreconnect.dmp.transport.TransportFactory;
import org.libreconnect.insi.InsiConnector;
import org.libreconnect.insi.InsiSettings;
import org.libreconnect.insi.InsiUrls;
import org.libreconnect.protocol.command.InsiCommands.CreateInsiConnectorInput;
import org.libreconnect.worker.SessionContext;
import org.libreconnect.worker.dmp.DmpConnectorFactory;
import org.libreconnect.worker.dmp.DmpCredentialsSource;

/**
 * Makes the connector of {@code hl_createInsiConnector} the way {@link DmpConnectorFactory} makes
 * the DMP's: the INSi address (either URL key), the proxy and the time server (command first, then
 * configuration), a readable clock, the PIN presented to the session's card, and the transport.
 * No connection is opened yet.
 */
public final class InsiConnectorFactory {
  private final DmpCredentialsSource cards;
  private final InsiSettings settings;
  private final NtpClocks clocks;
  private final TransportFactory transports;

  /** The production factory: CXF transport, NTP clocks over the system clock. */
  public InsiConnectorFactory(DmpCredentialsSource cards, InsiSettings settings, Clock systemClock) {
    this(cards, settings, new NtpClocks(systemClock), CxfDmpTransport::new);
  }

  public InsiConnectorFactory(DmpCredentialsSource cards, InsiSettings settings, NtpClocks clocks,
      TransportFactory transports) {
    this.cards = cards;
    this.settings = settings;
    this.clocks = clocks;
    this.transports = transports;
  }

  public InsiConnector create(SessionContext session, CreateInsiConnectorInput input) {
    String key = input.insiUrl() != null && !input.insiUrl().isBlank() ? "s_insiUrl" : "s_serviceUrl";
    InsiUrls urls = InsiUrls.resolve(key, input.url(), settings.simulatorEndpoint());
    Duration timeout = DmpConnectorFactory.timeout(input.transactionsTimeout());
    Optional<ProxySettings> proxy = DmpConnectorFactory.proxy(input.proxyIpOrUrl(), input.proxyPort(),
        input.proxyLogin(), input.proxyPassword(), settings.proxy());
    Clock clock = DmpConnectorFactory.clock(clocks, input.ntpIpOrUrl(), input.ntpPort(), settings.ntp());
    clock.instant(); // a clear error now rather than at the first request
    char[] pin = input.pinCode().toCharArray();
    DmpCredentials credentials;
    try {
      credentials = cards.login(session, pin);
    } finally {
      Arrays.fill(pin, '\0');
    }
    if (input.cpsPracticeLocationIndice() != null) {
      int locations = Math.max(1, credentials.holder().practiceLocations().size());
      if (input.cpsPracticeLocationIndice() < 0 || input.cpsPracticeLocationIndice() >= locations) {
        throw new org.libreconnect.protocol.error.InvalidParameterException("i_cpsPracticeLocationIndice",
            "must be between 0 and " + (locations - 1));
      }
    }
    DmpTransport transport = transports.create(credentials.tlsContext(settings.roots().get()), proxy, timeout);
    if (settings.dumpDirectory().isPresent()) {
      transport = new DumpingTransport(transport, new TransactionDump(settings.dumpDirectory().get(), clock));
    }
    return new InsiConnector(credentials, urls, transport, clock);
  }
}
