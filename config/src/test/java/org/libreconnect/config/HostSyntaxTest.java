package org.libreconnect.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostSyntaxTest {

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "localhost.icanopee.net", "App-1.Example.COM", "a", "0.example",
      "x23456789012345678901234567890123456789012345678901234567890123.example"})
  void dnsNames(String name) {
    assertThat(HostSyntax.isDnsName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "example.", ".example", "a..b", "-a.example", "a-.example", "a_b.example",
      "a b", "exa\u212Aple.com", "\u0130stanbul.example", "caf\u00e9.example", "a.example:443",
      "x234567890123456789012345678901234567890123456789012345678901234.example"})
  void notDnsNames(String name) {
    assertThat(HostSyntax.isDnsName(name)).as(name).isFalse();
  }

  @org.junit.jupiter.api.Test
  void nameOfMoreThan253CharactersIsRefused() {
    String label = "a".repeat(63);
    String name = String.join(".", label, label, label, label); // 255 characters
    assertThat(HostSyntax.isDnsName(name)).isFalse();
    assertThat(HostSyntax.isDnsName(name.substring(2))).isTrue();
  }
}
