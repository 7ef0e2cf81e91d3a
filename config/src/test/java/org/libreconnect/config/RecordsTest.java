package org.libreconnect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RecordsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    ConnectorConfig config = ConnectorConfig.defaults();

    assertThat(config.server())
        .isEqualTo(
            new Server("127.0.0.1", 9982, "localhost.icanopee.net",
                BuildFlavour.current().defaultServerLogLevel(), true, 100, 1,
                33_554_432, 8_388_608, 1_048_576, 14, 50, List.of(), List.of(),
                new ServerLimits(8, 250, 4_194_304, 120, 30, 512, false, true)));
    assertThat(config.updater()).isEqualTo(new Updater(false, "prod", Optional.empty()));
    assertThat(config.proxy().configured()).isFalse();
    assertThat(config.ntp()).isEqualTo(new Ntp(Optional.empty(), 123));
    assertThat(config.dmpConnect())
        .isEqualTo(new DmpConnect(Optional.empty(), BuildFlavour.current().defaultConnectorLogLevel()));
    // The dev build, the default one, is verbose (docs/install.md).
    if (!BuildFlavour.current().isProduction()) {
      assertThat(config.server().logLevel()).isEqualTo(5);
      assertThat(config.dmpConnect().logLevel()).isEqualTo(4);
    }
    assertThat(config.pkcs11().library()).isEmpty();
    assertThat(config.simulation().enabled()).isFalse();
  }

  @Test
  void theProxyNeverShowsItsPassword() {
    Proxy proxy =
        new Proxy(Optional.of("proxy.example.org"), OptionalInt.of(3128), Optional.of("alice"),
            Optional.of("s3cret-Pa55"));
    ConnectorConfig config = ConnectorConfig.defaults().withProxy(proxy);

    assertThat(proxy.toString())
        .isEqualTo("Proxy[server=proxy.example.org, port=3128, login=alice, password=(hidden)]");
    assertThat(config.toString()).doesNotContain("s3cret-Pa55").contains("password=(hidden)");
    assertThat(Proxy.none().toString()).contains("password=(none)");
  }

  @Test
  void aProxyNeedsAServerAndAPort() {
    assertThat(Proxy.none().configured()).isFalse();
    assertThat(new Proxy(Optional.of("p"), OptionalInt.empty(), Optional.empty(), Optional.empty())
            .configured())
        .isFalse();
    assertThat(new Proxy(Optional.of("p"), OptionalInt.of(1), Optional.empty(), Optional.empty())
            .configured())
        .isTrue();
  }

  @Test
  void theOriginListIsImmutable() {
    List<AllowedOrigin> origins = new ArrayList<>();
    origins.add(AllowedOrigin.parse("https://a.example.org"));
    Server server = Server.defaults().withAllowedOrigins(origins);

    origins.add(AllowedOrigin.parse("https://b.example.org"));

    assertThat(server.allowedOrigins()).hasSize(1);
    AllowedOrigin another = AllowedOrigin.parse("https://c.example.org");
    assertThatThrownBy(() -> server.allowedOrigins().add(another))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(server.allowsOrigin("https://a.example.org")).isTrue();
    assertThat(server.allowsOrigin("https://b.example.org")).isFalse();
    assertThat(Server.defaults().allowsOrigin("https://a.example.org")).isFalse();
  }

  @Test
  void codeMayAskForAnyFreePortButNotForNonsense() {
    assertThat(Server.defaults().withPort(0).port()).isZero();
    assertThatThrownBy(() -> Server.defaults().withPort(65536))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be between 0 and 65535, not 65536");
    assertThatThrownBy(() -> new DmpConnect(Optional.empty(), 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Updater(false, "nightly", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Ntp(Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
