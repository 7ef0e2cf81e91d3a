package org.libreconnect.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The connector's version, as sent in {@code s_serviceVersion} and shown on the status page. */
public final class ProductVersion {
  private ProductVersion() {}

  /**
   * The version stamped into this module at build time, read once: callers include the master's
   * event loops (the {@code /health} page, {@code hl_openSession}), where reading a jar entry for
   * each request was both slow and file I/O.
   */
  public static String current() {
    return Stamped.VERSION;
  }

  private static final class Stamped {
    static final String VERSION = read();

    private static String read() {
      try (InputStream in = ProductVersion.class.getResourceAsStream("version.properties")) {
        if (in == null) {
          return "unknown";
        }
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "unknown");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
