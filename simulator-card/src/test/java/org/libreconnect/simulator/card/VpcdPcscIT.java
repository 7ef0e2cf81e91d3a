package org.libreconnect.simulator.card;

import org.libreconnect.simulation.card.CpsCardLayout;
import org.libreconnect.simulation.card.CpsCardData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.testsupport.CardStack;
import org.libreconnect.simulation.identity.CpsIdentity;

/** The simulated card in a real pcscd reader through vpcd, seen by the JDK's SunPCSC provider. */
@Timeout(60)
class VpcdPcscIT {
  private static final byte[] MESSAGE = "VIHF à signer".getBytes(StandardCharsets.UTF_8);
  private static final CardStack stack = new CardStack();
  private static CardFixture fixture;
  private static CardTerminals terminals;
  private static CardTerminal terminal;
  private static int port;
  private SimulatedCard card;
  private VpcdCardConnection connection;

  @BeforeAll
  static void startPcscd() throws Exception {
    stack.startPcscd();
    fixture = new CardFixture();
    // The JVM's PC/SC context must be made after pcscd starts (it does not survive a restart).
    terminals = TerminalFactory.getDefault().terminals();
    String reader = freeVirtualReader();
    terminal = terminals.getTerminal(reader);
    port = reader.endsWith("00 00") ? 35963 : 35964;
  }

  @AfterAll
  static void stopPcscd() throws Exception {
    stack.stopPcscd();
  }

  @BeforeEach
  void insertCard() throws Exception {
    card = fixture.newCard();
    connection = card.vpcdConnection(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    connection.insert(Duration.ofSeconds(5));
    assertThat(terminal.waitForCardPresent(5000))
        .as("card present in " + terminal.getName())
        .isTrue();
  }

  @AfterEach
  void removeCard() throws Exception {
    connection.remove();
    // pcscd polls vpcd: wait until it has seen the removal, or the next insertion looks stale.
    assertThat(terminal.waitForCardAbsent(5000)).isTrue();
  }

  @Test
  void sunPcscReadsTheIdentityAndTheCardSignsWithBothKeys() throws Exception {
    assertThat(TerminalFactory.getDefault().getType()).isEqualTo("PC/SC");
    Card connected = terminal.connect("*");
    System.out.println(
        "vpcd card: protocol "
            + connected.getProtocol()
            + ", ATR "
            + HexFormat.of().formatHex(connected.getATR().getBytes()));
    assertThat(HexFormat.of().formatHex(connected.getATR().getBytes()))
        .isEqualToIgnoringCase(SimulatedCard.ATR_HEX);
    assertThat(connected.getProtocol())
        .as("InProcessTerminal mirrors this choice")
        .isEqualTo("T=1");
    CardChannel channel = connected.getBasicChannel();
    Apdus apdus = new Apdus(command -> transmit(channel, command));
    Apdus.check(apdus.selectCps(), "SELECT");
    assertThat(apdus.selectFile(CpsCardLayout.FID_ACTIVITY_FIRST).getSW()).isEqualTo(0x6982);
    assertThat(apdus.verify("0000").getSW()).isEqualTo(0x63C2);
    Apdus.check(apdus.verify("1234"), "VERIFY");
    CpsIdentity read =
        CpsCardData.decode(
            apdus.readFile(CpsCardLayout.FID_INFO),
            apdus.readFile(CpsCardLayout.FID_CARD),
            List.of(
                apdus.readFile(CpsCardLayout.FID_ACTIVITY_FIRST),
                apdus.readFile(CpsCardLayout.FID_ACTIVITY_FIRST + 1)));
    assertThat(read).isEqualTo(fixture.identity);
    assertThat(apdus.readFile(CpsCardLayout.FID_AUTHENTICATION_CERTIFICATE))
        .isEqualTo(fixture.credentials.authenticationCertificate().getEncoded());

    Apdus.check(apdus.selectKey(CpsCardLayout.KEY_AUTHENTICATION), "MSE");
    byte[] authentication = apdus.signSha256Chained(MESSAGE).getData();
    Apdus.check(apdus.selectKey(CpsCardLayout.KEY_SIGNATURE), "MSE");
    byte[] signature = apdus.signSha256Chained(MESSAGE).getData();
    assertThat(verifies(fixture.credentials.authenticationCertificate(), authentication)).isTrue();
    assertThat(verifies(fixture.credentials.signatureCertificate(), signature)).isTrue();

    Timings.measure("vpcd APDU round trip (GET DATA DF20)", 200, () -> apdus.pinStatus());
    Timings.measure(
        "vpcd sign (MSE + 2 chained PSO parts)",
        50,
        () -> {
          apdus.selectKey(CpsCardLayout.KEY_SIGNATURE);
          Apdus.check(apdus.signSha256Chained(MESSAGE), "PSO");
        });
    connected.disconnect(true);
  }

  @Test
  void inProcessReaderForComparison() throws Exception {
    InProcessReader reader = fixture.newCard().inProcessReader("In-process CPS reader");
    reader.insert();
    CardChannel channel = reader.terminal().connect("T=1").getBasicChannel();
    Apdus apdus = new Apdus(command -> transmit(channel, command));
    Apdus.check(apdus.selectCps(), "SELECT");
    Apdus.check(apdus.verify("1234"), "VERIFY");
    Timings.measure("in-process APDU round trip (GET DATA DF20)", 200, () -> apdus.pinStatus());
    Timings.measure(
        "in-process sign (MSE + 2 chained PSO parts)",
        50,
        () -> {
          apdus.selectKey(CpsCardLayout.KEY_SIGNATURE);
          Apdus.check(apdus.signSha256Chained(MESSAGE), "PSO");
        });
    apdus.selectKey(CpsCardLayout.KEY_SIGNATURE);
    assertThat(
            verifies(
                fixture.credentials.signatureCertificate(),
                apdus.signSha256Chained(MESSAGE).getData()))
        .isTrue();
    reader.remove();
  }

  @Test
  void longPivResponsesComeBackWholeThroughSunPcsc() throws Exception {
    Card connected = terminal.connect("T=1");
    CardChannel channel = connected.getBasicChannel();
    Apdus apdus = new Apdus(command -> transmit(channel, command));
    Apdus.check(apdus.selectPiv(), "SELECT PIV");
    byte[] container =
        channel
            .transmit(
                new CommandAPDU(0x00, 0xCB, 0x3F, 0xFF, HexFormat.of().parseHex("5C035FC105"), 256))
            .getData();
    assertThat(container.length)
        .isGreaterThan(fixture.credentials.authenticationCertificate().getEncoded().length);
    Apdus.check(apdus.selectCps(), "SELECT CPS");
    Apdus.check(apdus.verify("1234"), "VERIFY");
    Apdus.check(apdus.selectKey(CpsCardLayout.KEY_AUTHENTICATION), "MSE");
    byte[] signature = apdus.signSha256(MESSAGE).getData();
    assertThat(verifies(fixture.credentials.authenticationCertificate(), signature))
        .as("one extended-length PSO over T=1")
        .isTrue();
    connected.disconnect(false);
  }

  @Test
  void underT0SunPcscRefusesExtendedLengthAsTheInProcessChannelDoes() throws Exception {
    Card connected = terminal.connect("T=0");
    assertThat(connected.getProtocol()).isEqualTo("T=0");
    CardChannel channel = connected.getBasicChannel();
    Apdus apdus = new Apdus(command -> transmit(channel, command));
    Apdus.check(apdus.selectCps(), "SELECT");
    assertThatThrownBy(() -> channel.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 1000)))
        .isInstanceOf(CardException.class)
        .hasMessageContaining("T=0");
    Apdus.check(apdus.verify("1234"), "VERIFY over T=0");
    connected.disconnect(true);
  }

  @Test
  void removalAndInsertionAreSeenByWaitForChange() throws Exception {
    Card connected = terminal.connect("*");
    terminals.waitForChange(200);
    connection.remove();
    assertThat(waitForEvent(CardTerminals.State.CARD_REMOVAL)).isTrue();
    assertThat(terminal.isCardPresent()).isFalse();
    assertThatThrownBy(
            () ->
                connected.getBasicChannel().transmit(new CommandAPDU(0x00, 0xCA, 0xDF, 0x20, 256)))
        .isInstanceOf(CardException.class);

    connection.insert(Duration.ofSeconds(5));
    assertThat(waitForEvent(CardTerminals.State.CARD_INSERTION)).isTrue();
    assertThat(terminal.isCardPresent()).isTrue();
  }

  private static boolean waitForEvent(CardTerminals.State state) throws CardException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (terminals.waitForChange(1000) && terminals.list(state).contains(terminal)) {
        return true;
      }
    }
    return false;
  }

  private static String freeVirtualReader() throws CardException {
    for (String name : List.of("Virtual PCD 00 00", "Virtual PCD 00 01")) {
      CardTerminal candidate = terminals.getTerminal(name);
      if (candidate != null && !candidate.isCardPresent()) {
        return name;
      }
    }
    throw new IllegalStateException("no free vpcd reader in " + terminals.list());
  }

  private static boolean verifies(java.security.cert.X509Certificate certificate, byte[] signature)
      throws Exception {
    java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(MESSAGE);
    return verifier.verify(signature);
  }

  private static byte[] transmit(CardChannel channel, byte[] command) {
    try {
      return channel.transmit(new CommandAPDU(command)).getBytes();
    } catch (CardException e) {
      throw new IllegalStateException(e);
    }
  }
}
