package org.libreconnect.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real Debian bundle, /etc/ssl/certs/ca-certificates.crt (package ca-certificates). */
class SystemTrustCheckTest {
  static final Path DEBIAN_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");
  static final Pattern PEM = Pattern.compile("-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----\\n?", Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void aCertificateOfTheBundleIsFoundAndOneOutsideItIsNot() throws Exception {
    Matcher pem = PEM.matcher(Files.readString(DEBIAN_BUNDLE));
    assertThat(pem.find()).isTrue();
    String first = pem.group();
    assertThat(pem.find()).isTrue();
    String second = pem.group();
    Path ca = Files.writeString(dir.resolve("ca.crt"), first);
    CheckResult trusted = new SystemTrustCheck(ca, List.of(DEBIAN_BUNDLE)).run();
    assertThat(trusted.outcome()).as(trusted.line()).isEqualTo(CheckResult.Outcome.OK);

    Path otherBundle = Files.writeString(dir.resolve("bundle.crt"), second);
    CheckResult untrusted = new SystemTrustCheck(ca, List.of(otherBundle)).run();
    assertThat(untrusted.outcome()).isEqualTo(CheckResult.Outcome.FAILED);
    assertThat(untrusted.remedy()).contains("libreconnect-admin trust install");

    CheckResult noCa = new SystemTrustCheck(dir.resolve("missing.crt"), List.of(DEBIAN_BUNDLE)).run();
    assertThat(noCa.outcome()).isEqualTo(CheckResult.Outcome.FAILED);
    assertThat(noCa.remedy()).contains("certificate ensure");
  }
}
