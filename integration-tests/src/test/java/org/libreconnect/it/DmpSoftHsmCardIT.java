package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.it.CardSession.assertOk;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.ConnectorProcess;

/**
 * The DMP with the card key on a SoftHSM2 token: the connector (not in simulation mode) loads
 * libsofthsm2 through SunPKCS11, the token provisioned for the first pcscd reader holds the test
 * doctor's keys, certificates and CPS data objects ({@link SoftHsmToken}), and the DMP simulator
 * trusts that card's CAs. After {@code hl_createDmpConnector} the whole {@link DmpScenario} must
 * pass, the holder data and practice locations coming from the token's data objects.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DmpSoftHsmCardIT {
  private static final String ORIGIN = ConnectorFixture.APP_ORIGIN;

  @TempDir Path home;

  @Test
  void theIssueScenarioPassesWithTheKeyOnASoftHsmToken() throws Exception {
    assertThat(SoftHsmToken.LIBRARY).as("SoftHSM2 (scripts/card-stack.sh install)").exists();
    try (VirtualCardStack stack = VirtualCardStack.start();
        CardDmpSimulator dmp = CardDmpSimulator.start(home.resolve("dmp-pki"), stack.credentials)) {
      Path connectorHome = home.resolve("connector");
      dmp.trustedBy(connectorHome);
      try (ConnectorFixture fixture = new ConnectorFixture(connectorHome,
          ConnectorProcess.config(1, false, SoftHsmToken.LIBRARY.toString(), ORIGIN))) {
        CardSession probe = CardSession.open(fixture.client, ORIGIN, "softhsm-dmp-readers");
        String firstReader = probe.readers().path("Readers").get(0).path("s_name").asText();
        SoftHsmToken.provision(home.resolve("token"), firstReader, stack.credentials, stack.identity);

        CardSession session = CardSession.open(fixture.client, ORIGIN, "softhsm-dmp");
        assertOk(session.select(firstReader));
        assertOk(dmp.createConnector(session, SoftHsmToken.PIN));
        DmpScenario.run(session::call, dmp.simulator);
        session.close();
      }
    }
  }
}
