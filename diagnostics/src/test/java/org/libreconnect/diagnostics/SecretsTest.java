package org.libreconnect.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void masksPasswordElementsAndAttributesButKeepsTheRest() {
    String xml = """
        <libreconnect><proxy><server>proxy.example</server><port>3128</port>
        <login>jean</login><password>s3cr&amp;t</password></proxy>
        <tls keystorePassword="abc"/><unknown>kept</unknown><password></password></libreconnect>""";
    String masked = SecretMasker.mask(xml);
    assertThat(masked).doesNotContain("s3cr").doesNotContain("\"abc\"")
        .contains("<password>********</password>").contains("keystorePassword=\"********\"")
        .contains("<server>proxy.example</server>").contains("<login>jean</login>")
        .contains("<unknown>kept</unknown>").contains("<password></password>");
  }

  @Test
  void scrubsSessionIdsPinsAndProxyCredentials() {
    String line = "session.open id=3f2a9c1e-1111-4222-8333-123456789abc s_pinCode\":\"1234\" pin=98765 "
        + "{\"s_sessionId\":\"abcdefghijklmnop\"} Proxy-Authorization: Basic dXNlcjpwYXNz";
    String clean = LogScrubber.scrub(line);
    assertThat(clean).doesNotContain("3f2a9c1e-1111").contains("3f2a9c1e…")
        .doesNotContain("1234").doesNotContain("98765")
        .doesNotContain("abcdefghijklmnop").contains("abcdefgh…")
        .doesNotContain("dXNlcjpwYXNz");
  }

  @Test
  void proxyStatusLineParsing() {
    assertThat(ProxyReachability.statusCode("HTTP/1.0 200 Connection established")).isEqualTo(200);
    assertThat(ProxyReachability.statusCode("HTTP/1.1 407 Proxy Authentication Required")).isEqualTo(407);
    assertThat(ProxyReachability.statusCode("SSH-2.0-OpenSSH")).isEqualTo(-1);
  }
}
