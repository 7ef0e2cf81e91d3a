package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.it.CardSession.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.simulator.dmp.DmpSimulator;
import org.libreconnect.simulator.dmp.DmpSimulatorConfig;
import org.libreconnect.simulator.pki.SimulationMaterial;
import org.libreconnect.testsupport.ConnectorProcess;

/**
 * The DMP over the real card stack: the simulated CPS card in a vpcd reader under pcscd, the
 * connector (not in simulation mode) reaching it through SunPKCS11 over OpenSC, and the DMP
 * simulator trusting that card's CAs.
 *
 * <p>The PIN of {@code hl_createDmpConnector} is checked through OpenSC and the token stays logged
 * in. The status transaction (TD0.2) does not reach the TLS handshake yet: through SunPKCS11 the
 * holder data comes from the certificate, which has no practice location (docs/cryptolib.md), and
 * the VIHF needs one. This test pins that boundary; once practice locations are read from such a
 * card, TD0.2 must answer OK here.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DmpOpenScCardIT {
  private static final String ORIGIN = ConnectorFixture.APP_ORIGIN;
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path home;

  @Test
  void theConnectorIsCreatedOnTheTokenButTd02LacksAPracticeLocation() throws Exception {
    assertThat(Path.of(VirtualCardStack.OPENSC)).as("OpenSC (scripts/card-stack.sh install)").exists();
    SimulationMaterial material = SimulationMaterial.loadOrCreate(home.resolve("dmp-pki"), Clock.systemUTC());
    try (VirtualCardStack stack = VirtualCardStack.start();
        DmpSimulator simulator = DmpSimulator.start(DmpSimulatorConfig.defaults(material.pki())
            .withExtraTrustedCas(stack.credentials.chain()))) {
      stack.insertFreshCard();
      Path connectorHome = home.resolve("connector");
      writePem(connectorHome.resolve("tls").resolve("dmp-roots").resolve("simulator.pem"),
          material.pki().elementaryRoot());
      try (ConnectorFixture fixture = new ConnectorFixture(connectorHome,
          ConnectorProcess.config(1, false, VirtualCardStack.OPENSC, ORIGIN))) {
        CardSession session = CardSession.open(fixture.client, ORIGIN, "opensc-dmp");
        awaitCard(session, stack.readerName);
        assertOk(session.select(stack.readerName));

        JsonNode created = session.call("{\"s_commandName\":\"hl_createDmpConnector\",\"s_pinCode\":\""
            + DmpStack.PIN + "\",\"s_dmpUrl\":\"" + simulator.baseUrl() + "\",\"i_transactionsTimeout\":20,"
            + "\"s_practiceSetting\":\"AMBULATOIRE\",\"i_cpsPracticeLocationIndice\":0}");
        assertOk(created);

        JsonNode status = session.call(
            "{\"s_commandName\":\"hl_getDirectAuthenticationDMPStatus\",\"s_ins\":\"" + DmpStack.INS + "\"}");
        assertThat(status.path("s_errorDescription").asText()).as(status.toString())
            .isEqualTo("Invalid parameter i_cpsPracticeLocationIndice: the card holds no practice location");
        session.close();
      }
    }
  }

  private static void awaitCard(CardSession session, String readerName) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (session.slotType(readerName) != 3) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the card never showed up in " + readerName);
      }
      Thread.sleep(100);
    }
  }

  private static void writePem(Path file, X509Certificate certificate) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n");
  }
}
