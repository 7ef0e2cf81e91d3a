package org.libreconnect.master.server;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which TLS implementation serves the connector's port (ADR 0033): OpenSSL (BoringSSL, through
 * {@code netty-tcnative}, shipped for Linux x86-64) where its native library loads, else the
 * JDK's. The master's system property {@value #PROPERTY} picks one: {@code jdk}, {@code openssl},
 * or {@code auto} (the default: OpenSSL when available).
 */
public final class TlsProvider {
  private static final Logger log = LoggerFactory.getLogger(TlsProvider.class);

  /** The master's system property that picks the implementation. */
  public static final String PROPERTY = "libreconnect.tls.provider";

  private TlsProvider() {}

  /**
   * The implementation for this master, logged with the reason. Loads the native library once:
   * call at start-up, not on an event loop.
   */
  public static SslProvider forThisMaster() {
    String setting = normalised(System.getProperty(PROPERTY));
    boolean available = OpenSsl.isAvailable();
    SslProvider chosen = choose(setting, available);
    if (chosen == SslProvider.OPENSSL) {
      log.info("tls.provider name=openssl version=\"{}\"", OpenSsl.versionString());
    } else if (available || setting.equals("jdk")) {
      log.info("tls.provider name=jdk setting={}", setting);
    } else {
      log.info("tls.provider name=jdk reason=\"{}\"", reason(OpenSsl.unavailabilityCause()));
    }
    return chosen;
  }

  /**
   * The implementation for {@code setting} when OpenSSL is {@code available} or not: an unknown
   * setting is warned about and treated as {@code auto}; {@code openssl} without OpenSSL falls
   * back to the JDK's, as a port that does not open would be worse.
   */
  static SslProvider choose(String setting, boolean available) {
    String value = normalised(setting);
    switch (value) {
      case "jdk":
        return SslProvider.JDK;
      case "openssl":
        if (!available) {
          log.warn("tls.provider.unavailable setting=openssl fallback=jdk");
        }
        break;
      case "auto":
        break;
      default:
        log.warn("config.ignored property={} reason=\"not jdk, openssl or auto\"", PROPERTY);
    }
    return available ? SslProvider.OPENSSL : SslProvider.JDK;
  }

  /** The setting in lower case, {@code auto} when absent or blank. */
  private static String normalised(String setting) {
    String value = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
    return value.isEmpty() ? "auto" : value;
  }

  private static String reason(Throwable cause) {
    return cause == null ? "OpenSSL not available" : cause.getClass().getSimpleName();
  }
}
