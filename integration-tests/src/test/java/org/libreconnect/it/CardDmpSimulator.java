package org.libreconnect.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import org.libreconnect.simulator.dmp.DmpSimulator;
import org.libreconnect.simulator.dmp.DmpSimulatorConfig;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulator.pki.SimulationMaterial;

/**
 * The DMP side of a card IT: a DMP simulator with its own PKI that also trusts the CAs of the
 * test card in the real card stack, and the connector trusting that simulator through a PEM in
 * its {@code tls/dmp-roots} directory.
 */
final class CardDmpSimulator implements AutoCloseable {
  final SimulationMaterial material;
  final DmpSimulator simulator;

  private CardDmpSimulator(SimulationMaterial material, DmpSimulator simulator) {
    this.material = material;
    this.simulator = simulator;
  }

  /** Starts a simulator whose PKI lives under {@code pkiDirectory} and which trusts {@code card}'s CAs. */
  static CardDmpSimulator start(Path pkiDirectory, CardCredentials card) throws Exception {
    SimulationMaterial material = SimulationMaterial.loadOrCreate(pkiDirectory, Clock.systemUTC());
    DmpSimulator simulator = DmpSimulator.start(DmpSimulatorConfig.defaults(material.pki())
        .withExtraTrustedCas(card.chain()));
    return new CardDmpSimulator(material, simulator);
  }

  /** Makes a connector whose home is {@code connectorHome} (not started yet) trust this simulator. */
  void trustedBy(Path connectorHome) throws Exception {
    Path file = connectorHome.resolve("tls").resolve("dmp-roots").resolve("simulator.pem");
    Files.createDirectories(file.getParent());
    Files.writeString(file, pem(material.pki().elementaryRoot()), StandardCharsets.US_ASCII);
  }

  /** hl_createDmpConnector against this simulator, practice location 0, in {@code session}. */
  JsonNode createConnector(CardSession session, String pin) throws Exception {
    return session.call("{\"s_commandName\":\"hl_createDmpConnector\",\"s_pinCode\":\"" + pin
        + "\",\"s_dmpUrl\":\"" + simulator.baseUrl() + "\",\"i_transactionsTimeout\":20,"
        + "\"s_practiceSetting\":\"AMBULATOIRE\",\"i_cpsPracticeLocationIndice\":0}");
  }

  static String pem(X509Certificate certificate) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  @Override
  public void close() {
    simulator.close();
  }
}
