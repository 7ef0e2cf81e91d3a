package org.libreconnect.dmp.transport;

import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** Makes the transport of a new connector; production uses {@link CxfDmpTransport}. */
@FunctionalInterface
public interface TransportFactory {
  DmpTransport create(SSLContext tls, Optional<ProxySettings> proxy, Duration timeout);
}
