package org.libreconnect.diagnostics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Which PKCS#11 library (the CPS Cryptolib, or OpenSC) is configured or found in the usual places. */
public final class Pkcs11Probe {
  /** Where the Cryptolib CPS and OpenSC install their PKCS#11 modules on Linux. */
  public static final List<Path> USUAL_PLACES =
      List.of(
          Path.of("/usr/local/galss/libcps3_pkcs11_lux.so"),
          Path.of("/opt/santesocial/CPS/lib/libcps3_pkcs11_lux.so"),
          Path.of("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"),
          Path.of("/usr/lib/opensc-pkcs11.so"));

  private Pkcs11Probe() {}

  public static String describe(Optional<Path> configured, List<Path> usualPlaces) {
    StringBuilder out = new StringBuilder();
    if (configured.isPresent()) {
      Path library = configured.get();
      out.append("Configured library: ").append(library).append(Files.isReadable(library)
          ? " (present)\n" : " (MISSING: install the Cryptolib CPS or correct pkcs11/library in the configuration)\n");
    } else {
      out.append("No library is configured (pkcs11/library); the connector looks in the usual places.\n");
    }
    for (Path place : usualPlaces) {
      out.append(Files.isReadable(place) ? "found: " : "absent: ").append(place).append('\n');
    }
    return out.toString();
  }
}
