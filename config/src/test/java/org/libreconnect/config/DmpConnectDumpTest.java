package org.libreconnect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DmpConnectDumpTest {
  private static final Path DEV_DIRECTORY = Path.of("/home/lc/logs/dumps");

  @Test
  void theProductionBuildDumpsNothingUnlessADirectoryIsConfigured() {
    assertThat(DmpConnect.defaults().effectiveDumpDirectory(BuildFlavour.PRODUCTION, DEV_DIRECTORY)).isEmpty();
  }

  @Test
  void theDevBuildDumpsToTheLogsByDefault() {
    assertThat(DmpConnect.defaults().effectiveDumpDirectory(BuildFlavour.DEV, DEV_DIRECTORY)).contains(DEV_DIRECTORY);
  }

  @Test
  void aConfiguredDirectoryWinsInBothBuilds() {
    DmpConnect configured = new DmpConnect(Optional.of(Path.of("/var/tmp/support")), 3);
    for (BuildFlavour flavour : BuildFlavour.values()) {
      assertThat(configured.effectiveDumpDirectory(flavour, DEV_DIRECTORY)).contains(Path.of("/var/tmp/support"));
    }
  }
}
