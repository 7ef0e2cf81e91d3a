package org.libreconnect.pkcs11;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.libreconnect.pkcs11.exceptions.LibraryNotFoundException;

/**
 * Where the ANS "Cryptolib CPS" PKCS#11 library usually lives, and the choice between the
 * configured path ({@code pkcs11/library}) and those defaults.
 *
 * <p>File names come from the Cryptolib CPS v5.2 sources published by ANS
 * (github.com/ansforge/dops-cryptolib, {@code Sources_PKCS11_Cryptolib_CPS_v5.2}:
 * {@code win32/src/cps3pkcs11ver.h} names {@code cps3_pkcs11_w64.dll} / {@code
 * cps3_pkcs11_w32.dll}; {@code test/linux/src/testsysdef.h} names {@code libcps3_pkcs11_lux.so} and
 * {@code /usr/local/lib/libcps3_pkcs11_osx.dylib}). The directories are what ANS installers and
 * public integrations use: {@code %SystemRoot%\System32} on Windows (a 32-bit JVM is redirected to
 * {@code SysWOW64} by Windows itself), {@code /usr/local/galss} on Linux (created and put on
 * {@code LD_LIBRARY_PATH} by the ANS Linux installer script). The other Linux and macOS entries are
 * ordinary library directories, tried last. docs/cryptolib.md lists the sources.
 */
public final class CryptolibLibraries {
  private final OperatingSystem system;
  private final boolean jvm64Bit;
  private final Map<String, String> environment;
  private final Predicate<Path> isFile;

  /**
   * Defaults for {@code system}; {@code environment} supplies {@code SystemRoot} on Windows and
   * {@code isFile} says whether a candidate exists (normally {@link Files#isRegularFile}).
   */
  public CryptolibLibraries(
      OperatingSystem system, boolean jvm64Bit, Map<String, String> environment, Predicate<Path> isFile) {
    this.system = Objects.requireNonNull(system, "system");
    this.jvm64Bit = jvm64Bit;
    this.environment = Map.copyOf(environment);
    this.isFile = Objects.requireNonNull(isFile, "isFile");
  }

  /** Defaults for the running JVM, checking candidates on the real file system. */
  public static CryptolibLibraries forThisMachine() {
    return new CryptolibLibraries(
        OperatingSystem.fromOsName(System.getProperty("os.name")),
        OperatingSystem.is64Bit(System.getProperty("os.arch")),
        System.getenv(),
        path -> Files.isRegularFile(path));
  }

  /** The usual library locations for this system, most likely first; empty for unknown systems. */
  public List<Path> defaultCandidates() {
    return switch (system) {
      case WINDOWS -> {
        String root = environment.getOrDefault("SystemRoot", "C:\\Windows");
        yield List.of(Path.of(root, "System32", jvm64Bit ? "cps3_pkcs11_w64.dll" : "cps3_pkcs11_w32.dll"));
      }
      case LINUX -> List.of(
          Path.of("/usr/local/galss/libcps3_pkcs11_lux.so"),
          Path.of("/usr/local/lib/libcps3_pkcs11_lux.so"),
          Path.of("/usr/lib64/libcps3_pkcs11_lux.so"),
          Path.of("/usr/lib/libcps3_pkcs11_lux.so"));
      case MAC_OS -> List.of(
          Path.of("/usr/local/lib/libcps3_pkcs11_osx.dylib"),
          Path.of("/Library/Frameworks/cps3.framework/cps3_pkcs11"));
      case OTHER -> List.of();
    };
  }

  /**
   * The library to load: {@code configured} when present (it must exist), otherwise the first
   * default candidate that exists.
   *
   * @throws LibraryNotFoundException naming every path tried
   */
  public Path resolve(Optional<Path> configured) {
    if (configured.isPresent()) {
      Path path = configured.get();
      if (!isFile.test(path)) {
        throw new LibraryNotFoundException(
            "the configured PKCS#11 library pkcs11/library \"" + path + "\" does not exist or is not a file",
            null);
      }
      return path;
    }
    List<Path> candidates = defaultCandidates();
    return candidates.stream().filter(isFile).findFirst().orElseThrow(() -> new LibraryNotFoundException(
        "no Cryptolib CPS library found at the usual places " + candidates + " for " + system
            + "; install the Cryptolib CPS or set pkcs11/library",
        null));
  }
}
