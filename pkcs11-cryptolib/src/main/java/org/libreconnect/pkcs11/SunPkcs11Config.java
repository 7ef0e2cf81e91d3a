package org.libreconnect.pkcs11;

import java.util.TreeSet;
import org.libreconnect.pkcs11.exceptions.LibraryLoadException;

/**
 * The SunPKCS11 configuration text for one provider instance, passed inline ({@code "--"} prefix)
 * so nothing is written to disk. The library path is quoted with {@code \} and {@code "} escaped,
 * as SunPKCS11's tokenizer requires for Windows paths and paths with spaces.
 */
final class SunPkcs11Config {
  private SunPkcs11Config() {}

  /** The inline configuration for {@code settings} under the provider name {@code SunPKCS11-<name>}. */
  static String inline(String name, ModuleSettings settings) {
    if (!name.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("not a usable provider name: " + name);
    }
    StringBuilder text = new StringBuilder("--");
    text.append("name = ").append(name).append('\n');
    text.append("library = ").append(quote(settings.library().toString())).append('\n');
    text.append(settings.slot().configLine()).append('\n');
    if (!settings.disabledMechanisms().isEmpty()) {
      text.append("disabledMechanisms = {\n");
      for (String mechanism : new TreeSet<>(settings.disabledMechanisms())) {
        text.append("  ").append(mechanism).append('\n');
      }
      text.append("}\n");
    }
    return text.toString();
  }

  static String quote(String path) {
    if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0 || path.contains("${")) {
      throw new LibraryLoadException(
          "the PKCS#11 library path contains a line break or \"${\", which SunPKCS11 cannot take: " + path, null);
    }
    return '"' + path.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
