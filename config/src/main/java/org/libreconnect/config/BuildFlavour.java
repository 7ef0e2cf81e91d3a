package org.libreconnect.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * Which build this is, chosen at build time with {@code -Dlibreconnect.flavour=dev|production}
 * (docs/install.md, ADR 0020). The development ("recette") build logs verbosely by default; the
 * production build logs quietly and is the only one that answers {@code i_isProduction} 1.
 * Both show which they are on the status page.
 */
public enum BuildFlavour {
  DEV(5, 4),
  PRODUCTION(3, 2);

  private static final String RESOURCE = "build-flavour.properties";

  private final int defaultServerLogLevel;
  private final int defaultConnectorLogLevel;

  BuildFlavour(int defaultServerLogLevel, int defaultConnectorLogLevel) {
    this.defaultServerLogLevel = defaultServerLogLevel;
    this.defaultConnectorLogLevel = defaultConnectorLogLevel;
  }

  /** The flavour stamped into this module at build time. */
  public static BuildFlavour current() {
    return Holder.CURRENT;
  }

  /**
   * Parses {@code dev} or {@code production} (any case).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static BuildFlavour named(String name) {
    return switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
      case "dev" -> DEV;
      case "production" -> PRODUCTION;
      default -> throw new IllegalArgumentException("build flavour must be dev or production");
    };
  }

  public boolean isProduction() {
    return this == PRODUCTION;
  }

  /** {@code server/log_level} when the configuration does not set it (JS2 scale 1–7). */
  public int defaultServerLogLevel() {
    return defaultServerLogLevel;
  }

  /** {@code dmpconnect/log_level} when the configuration does not set it (JS2 scale 1–5). */
  public int defaultConnectorLogLevel() {
    return defaultConnectorLogLevel;
  }

  /** The name shown on the status page and in {@code /status.json}: {@code dev} or {@code production}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static final class Holder {
    static final BuildFlavour CURRENT = read();

    private static BuildFlavour read() {
      try (InputStream in = BuildFlavour.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the config module");
        }
        Properties properties = new Properties();
        properties.load(in);
        return named(properties.getProperty("flavour"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
