package org.libreconnect.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemTrustStoreTest {
  @TempDir Path dir;

  @Test
  void installsOneReadableCopyAndReplacesTheCaOfAnEarlierRenewal() throws Exception {
    Path store = dir.resolve("ca-certificates");
    Files.createDirectories(store);
    Files.writeString(store.resolve("other-company.crt"), "not ours");
    Path marker = dir.resolve("refreshed");
    SystemTrustStore system = new SystemTrustStore(store, List.of("touch", marker.toString()), new ProcessRunner());

    CaCertificate first = CaCertificate.read(Certificates.newCa(dir.resolve("first")));
    Path written = system.install(first);
    assertThat(written.getFileName().toString()).matches("libreconnect-[0-9a-f]{16}\\.crt").isEqualTo(first.systemFileName());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-r--r--");
    assertThat(CaCertificate.read(written).sha256()).isEqualTo(first.sha256());
    assertThat(marker).exists();

    CaCertificate renewed = CaCertificate.read(Certificates.newCa(dir.resolve("renewed")));
    system.install(renewed);
    assertThat(system.ours()).containsExactly(store.resolve(renewed.systemFileName()));
    assertThat(store.resolve("other-company.crt")).exists();

    assertThat(system.remove()).containsExactly(store.resolve(renewed.systemFileName()));
    assertThat(system.ours()).isEmpty();
    assertThat(store.resolve("other-company.crt")).exists();
  }

  @Test
  void aFailingRefreshIsReportedWithItsCommand() throws Exception {
    SystemTrustStore system = new SystemTrustStore(dir, List.of("false"), new ProcessRunner());
    CaCertificate ca = CaCertificate.read(Certificates.newCa(dir.resolve("ca")));
    assertThatThrownBy(() -> system.install(ca))
        .isInstanceOf(InstallerException.class)
        .hasMessage("false failed (exit code 1)");
  }

  @Test
  void aMissingRefreshProgramIsNamed() throws Exception {
    SystemTrustStore system = new SystemTrustStore(dir, List.of("/nonexistent/update-ca-certificates"), new ProcessRunner());
    CaCertificate ca = CaCertificate.read(Certificates.newCa(dir.resolve("ca")));
    assertThatThrownBy(() -> system.install(ca))
        .isInstanceOf(InstallerException.class)
        .hasMessageStartingWith("cannot run /nonexistent/update-ca-certificates (this command manages the Debian-family trust store");
  }

  @Test
  void aServerCertificateIsNotACa() throws Exception {
    Certificates.newCa(dir);
    Path leaf = dir.resolve("leaf.crt");
    String chain = Files.readString(dir.resolve("server.crt"));
    Files.writeString(leaf, chain.substring(0, chain.indexOf("-----END CERTIFICATE-----") + 26));
    assertThatThrownBy(() -> CaCertificate.read(leaf))
        .isInstanceOf(InstallerException.class)
        .hasMessageContaining("is not a CA certificate");
    assertThatThrownBy(() -> CaCertificate.read(dir.resolve("missing.crt")))
        .hasMessageContaining("start the connector once, or run `libreconnect-admin certificate ensure`");
  }
}
