package org.libreconnect.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code <pkcs11>} section.
 *
 * @param library the PKCS#11 library for the CPS card; empty means the operating system's usual
 *     Cryptolib CPS path
 */
public record Pkcs11(Optional<Path> library) {

  public Pkcs11 {
    Objects.requireNonNull(library, "library");
  }

  public static Pkcs11 defaults() {
    return new Pkcs11(Optional.empty());
  }
}
