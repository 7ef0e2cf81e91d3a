package org.libreconnect.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.libreconnect.pkcs11.exceptions.LibraryNotFoundException;

class CryptolibLibrariesTest {
  private static CryptolibLibraries on(OperatingSystem system, boolean jvm64, Set<Path> existing) {
    return new CryptolibLibraries(system, jvm64, Map.of("SystemRoot", "D:\\Win"), existing::contains);
  }

  @Test
  void windowsUsesTheSystemDirectoryAndTheJvmsWordSize() {
    assertThat(on(OperatingSystem.WINDOWS, true, Set.of()).defaultCandidates())
        .containsExactly(Path.of("D:\\Win", "System32", "cps3_pkcs11_w64.dll"));
    assertThat(on(OperatingSystem.WINDOWS, false, Set.of()).defaultCandidates())
        .containsExactly(Path.of("D:\\Win", "System32", "cps3_pkcs11_w32.dll"));
  }

  @Test
  void windowsWithoutSystemRootFallsBackToCWindows() {
    CryptolibLibraries libraries = new CryptolibLibraries(OperatingSystem.WINDOWS, true, Map.of(), path -> false);
    assertThat(libraries.defaultCandidates()).containsExactly(Path.of("C:\\Windows", "System32", "cps3_pkcs11_w64.dll"));
  }

  @Test
  void linuxAndMacOsTryTheAnsPlacesFirst() {
    assertThat(on(OperatingSystem.LINUX, true, Set.of()).defaultCandidates())
        .first().isEqualTo(Path.of("/usr/local/galss/libcps3_pkcs11_lux.so"));
    assertThat(on(OperatingSystem.MAC_OS, true, Set.of()).defaultCandidates())
        .first().isEqualTo(Path.of("/usr/local/lib/libcps3_pkcs11_osx.dylib"));
    assertThat(on(OperatingSystem.OTHER, true, Set.of()).defaultCandidates()).isEmpty();
  }

  @Test
  void theConfiguredPathWinsOverDefaults() {
    Path configured = Path.of("/opt/opensc/opensc-pkcs11.so");
    CryptolibLibraries libraries = on(OperatingSystem.LINUX, true,
        Set.of(configured, Path.of("/usr/local/galss/libcps3_pkcs11_lux.so")));
    assertThat(libraries.resolve(Optional.of(configured))).isEqualTo(configured);
  }

  @Test
  void aMissingConfiguredPathIsNamedInTheError() {
    CryptolibLibraries libraries = on(OperatingSystem.LINUX, true, Set.of(Path.of("/usr/lib/libcps3_pkcs11_lux.so")));
    assertThatThrownBy(() -> libraries.resolve(Optional.of(Path.of("/nowhere/lib.so"))))
        .isInstanceOf(LibraryNotFoundException.class)
        .hasMessageContaining("pkcs11/library")
        .hasMessageContaining("/nowhere/lib.so")
        .satisfies(e -> assertThat(((LibraryNotFoundException) e).code()).isEqualTo("LIBRARY_NOT_FOUND"));
  }

  @Test
  void withoutConfigurationTheFirstExistingDefaultIsUsed() {
    Path usrLib = Path.of("/usr/lib/libcps3_pkcs11_lux.so");
    Path local = Path.of("/usr/local/lib/libcps3_pkcs11_lux.so");
    assertThat(on(OperatingSystem.LINUX, true, Set.of(usrLib, local)).resolve(Optional.empty())).isEqualTo(local);
  }

  @Test
  void withNothingInstalledTheErrorListsEveryPlaceTried() {
    assertThatThrownBy(() -> on(OperatingSystem.MAC_OS, true, Set.of()).resolve(Optional.empty()))
        .isInstanceOf(LibraryNotFoundException.class)
        .hasMessageContaining("/usr/local/lib/libcps3_pkcs11_osx.dylib")
        .hasMessageContaining("/Library/Frameworks/cps3.framework/cps3_pkcs11")
        .hasMessageContaining("set pkcs11/library");
  }

  @Test
  void operatingSystemAndWordSizeComeFromJvmProperties() {
    assertThat(OperatingSystem.fromOsName("Windows 11")).isEqualTo(OperatingSystem.WINDOWS);
    assertThat(OperatingSystem.fromOsName("Mac OS X")).isEqualTo(OperatingSystem.MAC_OS);
    assertThat(OperatingSystem.fromOsName("Linux")).isEqualTo(OperatingSystem.LINUX);
    assertThat(OperatingSystem.fromOsName("FreeBSD")).isEqualTo(OperatingSystem.OTHER);
    assertThat(OperatingSystem.fromOsName(null)).isEqualTo(OperatingSystem.OTHER);
    assertThat(OperatingSystem.is64Bit("amd64")).isTrue();
    assertThat(OperatingSystem.is64Bit("aarch64")).isTrue();
    assertThat(OperatingSystem.is64Bit("x86")).isFalse();
  }
}
