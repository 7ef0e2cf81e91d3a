package org.libreconnect.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPatternsTest {
  private static final List<String> ORIGINS =
      List.of(
          "https://app.example.com",
          "https://*.example.org:*",
          "http://localhost:3000",
          "HTTPS://Upper.Example.com:8443",
          "http://[::1]:5173",
          "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
          "https://app.example.com");

  @Test
  void chromeUrlPatternsKeepSchemeAndPort() {
    assertThat(OriginPatterns.chrome(ORIGINS))
        .containsExactly(
            "https://app.example.com",
            "https://[*.]example.org:*",
            "http://localhost:3000",
            "https://upper.example.com:8443",
            "http://[::1]:5173");
  }

  @Test
  void firefoxDomainsAreHostNamesOnly() {
    assertThat(OriginPatterns.firefox(ORIGINS))
        .containsExactly("app.example.com", "*.example.org", "localhost", "upper.example.com", "::1");
  }
}
