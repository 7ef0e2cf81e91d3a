package org.libreconnect.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The connector's version, as sent in {@code s_serviceVersion} and shown on the status page. */
public final class ProductVersion {
  private ProductVersion() {}

  /** Reads the version stamped into this module at build time. */
  public static String current() {
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
