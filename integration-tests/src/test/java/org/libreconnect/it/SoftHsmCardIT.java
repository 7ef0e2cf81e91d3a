package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.it.CardSession.assertCardError;
import static org.libreconnect.it.CardSession.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.ConnectorProcess;

/**
 * SunPKCS11 over SoftHSM2: the reader list comes from pcscd (no card in the vpcd readers), and the
 * SoftHSM2 token in slot-list position N stands for reader N of that list, the same pairing as
 * for OpenSC. SoftHSM2 blocks nothing but raises {@code CKF_USER_PIN_COUNT_LOW} after a wrong PIN,
 * which the worker reads from the token flags as on a CPS card (three tries).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SoftHsmCardIT {
  private static final String ORIGIN = ConnectorFixture.APP_ORIGIN;

  @TempDir static Path home;
  @TempDir static Path work;
  private VirtualCardStack stack;
  private ConnectorFixture fixture;
  private String firstReader;

  @BeforeAll
  void start() throws Exception {
    assertThat(SoftHsmToken.LIBRARY).as("SoftHSM2 (scripts/card-stack.sh install)").exists();
    stack = VirtualCardStack.start();
    fixture =
        new ConnectorFixture(
            home, ConnectorProcess.config(1, false, SoftHsmToken.LIBRARY.toString(), ORIGIN));
    CardSession probe = CardSession.open(fixture.client, ORIGIN, "softhsm-readers");
    firstReader = probe.readers().path("Readers").get(0).path("s_name").asText();
    SoftHsmToken.provision(work, firstReader, stack.credentials, stack.identity);
  }

  @AfterAll
  void stop() throws Exception {
    try {
      fixture.close();
    } finally {
      stack.close();
    }
  }

  @Test
  void readsAndSignsThroughSoftHsmWithTheReaderListFromPcscd() throws Exception {
    CardSession session = CardSession.open(fixture.client, ORIGIN, "softhsm-card");
    JsonNode readers = session.readers().path("Readers");
    assertThat(readers).hasSizeGreaterThanOrEqualTo(2);
    assertThat(readers.get(0).path("s_name").asText()).startsWith("Virtual PCD");
    assertThat(readers.get(0).path("s_slotType").asText()).isEqualTo("No card");

    assertOk(session.select(firstReader));
    assertThat(session.status().path("i_cardStatus").asInt()).isEqualTo(1);

    JsonNode wrong = session.read("0000");
    assertCardError(wrong, 7);
    assertThat(wrong.path("s_apiErrorExtendedInformations").asText())
        .as("CKF_USER_PIN_COUNT_LOW, read from C_GetTokenInfo: a wrong PIN since the last right one")
        .isEqualTo("2 tries left");

    JsonNode card = session.read(SoftHsmToken.PIN);
    assertOk(card);
    assertThat(card.path("s_name").asText()).isEqualTo(stack.identity.name());
    assertThat(card.path("s_internalId").asText()).isEqualTo(stack.identity.psIdNat());
    assertThat(card.path("s_speciality").asText()).isEqualTo("SM26");

    byte[] data = "Compte rendu".getBytes(StandardCharsets.UTF_8);
    assertThat(CardSession.assertSignature(session.signString(SoftHsmToken.PIN, "Compte rendu"), data))
        .isEqualTo(stack.credentials.signatureCertificate());
    // the second signature uses the token session the first one kept logged in
    CardSession.assertSignature(session.signString(SoftHsmToken.PIN, "Compte rendu"), data);

    JsonNode wrongSign = session.signString("0000", "Compte rendu");
    assertCardError(wrongSign, 7);
    assertThat(wrongSign.path("s_apiErrorExtendedInformations").asText())
        .as("a wrong PIN is checked by the token even while a session is kept")
        .isEqualTo("2 tries left");
    CardSession.assertSignature(session.signString(SoftHsmToken.PIN, "Compte rendu"), data);
  }

  @Test
  void aReaderWithoutATokenIsAnUnknownReaderOrAnEmptySlot() throws Exception {
    CardSession session = CardSession.open(fixture.client, ORIGIN, "softhsm-missing");
    assertCardError(session.select("No Such Reader"), 1004);
  }
}
