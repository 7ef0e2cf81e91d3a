package org.libreconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.libreconnect.config.RestServerConfig;

class CallersTest {
  private static RestServerConfig config() {
    String xml = "<libreconnect><rest_server><port>9443</port><callers>"
        + "<caller><name>dpi</name><token_sha256>" + Callers.sha256Hex("token-a") + "</token_sha256>"
        + "<operations>getDmpStatus, findDocuments</operations></caller>"
        + "<caller><name>all</name><token_sha256>" + Callers.sha256Hex("token-b").toUpperCase() + "</token_sha256>"
        + "<operations>*</operations></caller>"
        + "</callers></rest_server></libreconnect>";
    return RestServerConfig.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test");
  }

  @Test
  void tokensIdentifyTheirCallerAndItsOperations() {
    RestServerConfig config = config();
    assertThat(config.port()).isEqualTo(9443);
    assertThat(config.ip()).isEqualTo("0.0.0.0");
    Callers callers = new Callers(config.callers());
    RestServerConfig.Caller dpi = callers.identify("Bearer token-a", Optional.empty()).orElseThrow();
    assertThat(dpi.name()).isEqualTo("dpi");
    assertThat(dpi.allows("getDmpStatus")).isTrue();
    assertThat(dpi.allows("deleteDocument")).isFalse();
    RestServerConfig.Caller all = callers.identify("bearer token-b", Optional.empty()).orElseThrow();
    assertThat(all.allows("deleteDocument")).isTrue();
  }

  @Test
  void unknownOrMissingCredentialsIdentifyNobody() {
    Callers callers = new Callers(config().callers());
    assertThat(callers.identify(null, Optional.empty())).isEmpty();
    assertThat(callers.identify("Bearer token-c", Optional.empty())).isEmpty();
    assertThat(callers.identify("Basic dG9rZW4tYQ==", Optional.empty())).isEmpty();
    assertThat(callers.identify("Bearer ", Optional.empty())).isEmpty();
  }

  @Test
  void aBadCallerIsAConfigurationErrorNamingItsElement() {
    String noCredential = "<libreconnect><rest_server><callers><caller><name>x</name><operations>*</operations>"
        + "</caller></callers></rest_server></libreconnect>";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RestServerConfig.parse(
            new ByteArrayInputStream(noCredential.getBytes(StandardCharsets.UTF_8)), "test"))
        .isInstanceOf(org.libreconnect.config.ConfigException.class).hasMessageContaining("rest_server/callers/caller[1]");
    String badHash = "<libreconnect><rest_server><callers><caller><name>x</name><token_sha256>abc</token_sha256>"
        + "</caller></callers></rest_server></libreconnect>";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RestServerConfig.parse(
            new ByteArrayInputStream(badHash.getBytes(StandardCharsets.UTF_8)), "test"))
        .isInstanceOf(org.libreconnect.config.ConfigException.class).hasMessageContaining("token_sha256");
  }

  @Test
  void theDefaultsNeedNoSection() {
    RestServerConfig defaults = RestServerConfig.parse(
        new ByteArrayInputStream("<libreconnect/>".getBytes(StandardCharsets.UTF_8)), "test");
    assertThat(defaults.port()).isEqualTo(9979);
    assertThat(defaults.callers()).isEmpty();
    assertThat(defaults.establishment().configured()).isFalse();
  }
}
