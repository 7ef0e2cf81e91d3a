package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.it.CardSession.assertOk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.ConnectorProcess;

/**
 * The DMP over the real card stack: the simulated CPS card in a vpcd reader under pcscd, the
 * connector (not in simulation mode) reaching it through SunPKCS11 over OpenSC, and the DMP
 * simulator trusting that card's CAs. The PIN of {@code hl_createDmpConnector} is checked through
 * OpenSC and the token stays logged in; then the whole {@link DmpScenario} must pass, the practice
 * locations coming from the card's CPS data objects.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DmpOpenScCardIT {
  private static final String ORIGIN = ConnectorFixture.APP_ORIGIN;
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path home;

  @Test
  void theIssueScenarioPassesWithTheKeyOnTheCardThroughOpenSc() throws Exception {
    assertThat(Path.of(VirtualCardStack.OPENSC)).as("OpenSC (scripts/card-stack.sh install)").exists();
    try (VirtualCardStack stack = VirtualCardStack.start();
        CardDmpSimulator dmp = CardDmpSimulator.start(home.resolve("dmp-pki"), stack.credentials)) {
      stack.insertFreshCard();
      Path connectorHome = home.resolve("connector");
      dmp.trustedBy(connectorHome);
      try (ConnectorFixture fixture = new ConnectorFixture(connectorHome,
          ConnectorProcess.config(1, false, VirtualCardStack.OPENSC, ORIGIN))) {
        CardSession session = CardSession.open(fixture.client, ORIGIN, "opensc-dmp");
        session.awaitSlotType(stack.readerName, 3, PATIENCE);
        assertOk(session.select(stack.readerName));
        assertOk(dmp.createConnector(session, DmpStack.PIN));
        DmpScenario.run(session::call, dmp.simulator);
        session.close();
      }
    }
  }
}
