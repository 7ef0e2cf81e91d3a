package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.it.CardSession.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.simulator.card.SimulatedVitaleCard;
import org.libreconnect.simulator.card.VpcdCardConnection;
import org.libreconnect.simulator.insi.InsiSimulator;
import org.libreconnect.testsupport.ConnectorProcess;

/**
 * The daily workflow on a real desk: pcscd with two vpcd readers, the simulated CPS card in one and
 * the simulated Vitale card in the other; the connector (not in simulation mode) reads the Vitale
 * card over PC/SC, qualifies a beneficiary's INS with the INSi simulator (mutual TLS and the signed
 * assertion with the CPS card's keys through OpenSC), checks the patient's DMP with that INS and
 * sends a document.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class VitaleInsiDmpStackIT {
  private static final String ORIGIN = ConnectorFixture.APP_ORIGIN;
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path home;

  @Test
  void vitaleCardThenInsiThenDmpOverTheRealCardStack() throws Exception {
    try (VirtualCardStack stack = VirtualCardStack.start();
        CardDmpSimulator dmp = CardDmpSimulator.start(home.resolve("dmp-pki"), stack.credentials);
        InsiSimulator insi = InsiSimulator.start(stack.pki, Clock.systemUTC())) {
      stack.insertFreshCard();
      VpcdCardConnection vitale = SimulatedVitaleCard.testCard().vpcdConnection(stack.otherVpcd());
      vitale.insert(Duration.ofSeconds(10));
      try {
        Path connectorHome = home.resolve("connector");
        dmp.trustedBy(connectorHome);
        Path insiRoot = connectorHome.resolve("tls").resolve("insi-roots").resolve("insi-simulator.pem");
        Files.createDirectories(insiRoot.getParent());
        Files.writeString(insiRoot, CardDmpSimulator.pem(stack.pki.elementaryRoot()), StandardCharsets.US_ASCII);
        try (ConnectorFixture fixture = new ConnectorFixture(connectorHome,
            ConnectorProcess.config(1, false, VirtualCardStack.OPENSC, ORIGIN))) {
          CardSession session = CardSession.open(fixture.client, ORIGIN, "desk-workflow");
          session.awaitSlotType(stack.readerName, 3, PATIENCE);
          session.awaitSlotType(stack.otherReaderName(), 2, PATIENCE);

          assertOk(session.call("{\"s_commandName\":\"hl_getVitaleCard\",\"s_readerName\":\""
              + stack.otherReaderName() + "\"}"));
          JsonNode card = session.call("{\"s_commandName\":\"hl_readVitaleCard\"}");
          assertOk(card);
          assertThat(card.path("Patients")).hasSize(4);
          assertThat(card.path("Patients").get(1).path("s_given").asText()).isEqualTo("ALICE");

          assertOk(session.select(stack.readerName));
          assertOk(session.call("{\"s_commandName\":\"hl_createInsiConnector\",\"s_pinCode\":\"" + DmpStack.PIN
              + "\",\"s_insiUrl\":\"" + insi.endpoint() + "\",\"i_transactionsTimeout\":20,"
              + "\"s_practiceSetting\":\"AMBULATOIRE\",\"i_cpsPracticeLocationIndice\":0}"));
          JsonNode qualified = session.call("{\"s_commandName\":\"hl_getInsFromVitaleCard\"," + InsiIT.LPS_INFOS
              + ",\"i_vitalePatientIndex\":1}");
          assertOk(qualified);
          assertThat(qualified.path("i_insIdentityResult").asInt()).isEqualTo(2);
          JsonNode ins = qualified.path("Identity").path("Ins");
          String alice = ins.path("s_value").asText() + ins.path("s_key").asText();
          assertThat(alice).isEqualTo(DmpStack.INS);

          assertOk(dmp.createConnector(session, DmpStack.PIN));
          JsonNode status = session.call("{\"s_commandName\":\"hl_getDirectAuthenticationDMPStatus\",\"s_ins\":\""
              + alice + "\"}");
          assertOk(status);
          assertThat(status.path("ExistingTestAnswer").path("i_dmpStatus").asInt()).isEqualTo(1);

          JsonNode sent = session.call("{\"s_commandName\":\"hl_sendDocument\",\"s_ins\":\"" + alice + "\","
              + "\"s_fileContentBase64\":\"" + Base64.getEncoder().encodeToString(
                  "%PDF-1.4\n% compte rendu\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)) + "\","
              + "\"s_documentTitle\":\"CR de consultation\",\"s_documentDescription\":\"INS qualifié\","
              + "\"s_documentCategory\":\"11488-4\",\"i_documentVisibility\":1,\"i_documentFormat\":5,"
              + "\"s_healthcareSetting\":\"SA07\"}");
          assertOk(sent);
          assertThat(sent.path("s_uniqueId").asText()).isNotBlank();
          session.close();
        }
      } finally {
        vitale.remove();
      }
    }
  }

}
