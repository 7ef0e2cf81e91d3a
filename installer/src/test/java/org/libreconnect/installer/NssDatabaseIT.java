package org.libreconnect.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real certutil (Debian libnss3-tools) on a temporary NSS database. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NssDatabaseIT {
  @TempDir Path dir;

  @Test
  void installListRenewAndRemove() throws Exception {
    NssDatabase database = new NssDatabase(dir.resolve("profile/.pki/nssdb"), new ProcessRunner());
    assertThat(database.exists()).isFalse();
    database.createIfMissing();
    assertThat(database.exists()).isTrue();
    assertThat(database.contains()).isFalse();

    CaCertificate first = CaCertificate.read(Certificates.newCa(dir.resolve("first")));
    database.install(first);
    assertThat(database.contains()).isTrue();
    assertThat(database.list()).containsPattern("LibreConnect local CA\\s+C,,");

    CaCertificate renewed = CaCertificate.read(Certificates.newCa(dir.resolve("renewed")));
    database.install(renewed);
    assertThat(database.list().lines().filter(line -> line.startsWith("LibreConnect local CA"))).hasSize(1);

    assertThat(database.remove()).isEqualTo(1);
    assertThat(database.contains()).isFalse();
    assertThat(database.list()).doesNotContain("LibreConnect");
    assertThat(database.remove()).isZero();
  }
}
