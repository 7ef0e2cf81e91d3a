package org.libreconnect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BuildFlavourTest {
  @Test
  void theBuildStampsTheFlavourChosenWithTheMavenProperty() {
    String chosen = System.getProperty("libreconnect.flavour", "dev");
    assertThat(BuildFlavour.current()).isEqualTo(BuildFlavour.named(chosen));
  }

  @Test
  void productionIsQuieterThanDev() {
    assertThat(BuildFlavour.PRODUCTION.defaultServerLogLevel()).isLessThan(BuildFlavour.DEV.defaultServerLogLevel());
    assertThat(BuildFlavour.PRODUCTION.defaultConnectorLogLevel())
        .isLessThan(BuildFlavour.DEV.defaultConnectorLogLevel());
    assertThat(BuildFlavour.PRODUCTION.isProduction()).isTrue();
    assertThat(BuildFlavour.DEV.isProduction()).isFalse();
    assertThat(BuildFlavour.PRODUCTION.label()).isEqualTo("production");
  }

  @Test
  void onlyTheTwoNamesAreAccepted() {
    assertThat(BuildFlavour.named(" Production ")).isEqualTo(BuildFlavour.PRODUCTION);
    assertThatThrownBy(() -> BuildFlavour.named("recette")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BuildFlavour.named(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
