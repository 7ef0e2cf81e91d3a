package org.libreconnect.simulator.card;

import org.libreconnect.simulation.card.CpsCardLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class InProcessReaderTest {
  private static CardFixture fixture;

  @BeforeAll
  static void generatePki() {
    fixture = new CardFixture();
  }

  @Test
  void readerStartsEmptyAndFollowsInsertionAndRemoval() throws Exception {
    InProcessReader reader = fixture.newCard().inProcessReader("CPS Reader 0");
    CardTerminals terminals = reader.terminals();
    CardTerminal terminal = reader.terminal();
    assertThat(terminals.list()).extracting(CardTerminal::getName).containsExactly("CPS Reader 0");
    assertThat(terminal.isCardPresent()).isFalse();
    assertThatThrownBy(() -> terminal.connect("*")).isInstanceOf(CardNotPresentException.class);
    assertThat(terminals.list(CardTerminals.State.CARD_ABSENT)).containsExactly(terminal);

    reader.insert();
    assertThat(terminal.waitForCardPresent(1000)).isTrue();
    assertThat(terminals.list(CardTerminals.State.CARD_PRESENT)).containsExactly(terminal);

    reader.remove();
    assertThat(terminal.waitForCardAbsent(1000)).isTrue();
    assertThat(terminals.list(CardTerminals.State.CARD_PRESENT)).isEmpty();
  }

  @Test
  void waitForChangeBlocksUntilAnEventAndReportsIt() throws Exception {
    InProcessReader reader = fixture.newCard().inProcessReader("CPS Reader 0");
    CardTerminals terminals = reader.terminals();
    assertThat(terminals.waitForChange(50)).as("nothing happens").isFalse();

    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(() -> waitQuietly(terminals, 5000));
    Thread.sleep(100);
    reader.insert();
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(terminals.list(CardTerminals.State.CARD_INSERTION))
        .containsExactly(reader.terminal());
    assertThat(terminals.list(CardTerminals.State.CARD_REMOVAL)).isEmpty();

    reader.remove();
    assertThat(terminals.waitForChange(1000)).as("removal happened before the call").isTrue();
    assertThat(terminals.list(CardTerminals.State.CARD_REMOVAL)).containsExactly(reader.terminal());
    assertThat(terminals.waitForChange(50)).isFalse();
    assertThat(terminals.list(CardTerminals.State.CARD_REMOVAL)).isEmpty();
  }

  @Test
  void connectionSeesTheAtrAndCompletesLongResponsesLikeSunPcsc() throws Exception {
    InProcessReader reader = fixture.newCard().inProcessReader("CPS Reader 0");
    reader.insert();
    assertThat(reader.terminal().connect("*").getProtocol())
        .as("as pcscd chooses")
        .isEqualTo("T=1");
    Card card = reader.terminal().connect("T=0");
    assertThat(card.getProtocol()).isEqualTo("T=0");
    assertThat(HexFormat.of().formatHex(card.getATR().getBytes()))
        .isEqualToIgnoringCase(SimulatedCard.ATR_HEX);
    CardChannel channel = card.getBasicChannel();
    assertThat(
            channel
                .transmit(
                    new CommandAPDU(
                        0x00, 0xA4, 0x04, 0x00, HexFormat.of().parseHex("A00000030800001000"), 256))
                .getSW())
        .isEqualTo(0x9000);
    ResponseAPDU certificate =
        channel.transmit(
            new CommandAPDU(0x00, 0xCB, 0x3F, 0xFF, HexFormat.of().parseHex("5C035FC105"), 256));
    assertThat(certificate.getSW()).as("61xx collected").isEqualTo(0x9000);
    assertThat(certificate.getData().length).isGreaterThan(1000);

    ByteBuffer response = ByteBuffer.allocate(300);
    int length =
        channel.transmit(
            ByteBuffer.wrap(HexFormat.of().parseHex("00CA DF20 00".replace(" ", ""))), response);
    assertThat(length).isEqualTo(2).as("PIV does not know GET DATA CA");
    assertThatThrownBy(() -> channel.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 1000)))
        .isInstanceOf(CardException.class)
        .hasMessageContaining("T=0");
    card.disconnect(false);
    assertThatThrownBy(card::getBasicChannel).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void removalKillsTheConnectionAndReinsertionIsAPowerCycle() throws Exception {
    InProcessReader reader = fixture.newCard().inProcessReader("CPS Reader 0");
    reader.insert();
    Card card = reader.terminal().connect("T=1");
    Apdus apdus = new Apdus(command -> transmit(card.getBasicChannel(), command));
    apdus.selectCps();
    Apdus.check(apdus.verify("1234"), "VERIFY");
    reader.remove();
    assertThatThrownBy(
            () -> card.getBasicChannel().transmit(new CommandAPDU(0x00, 0x20, 0x00, 0x01)))
        .isInstanceOf(CardException.class)
        .hasMessageContaining("SCARD_W_REMOVED_CARD");

    reader.insert();
    assertThatThrownBy(
            () -> card.getBasicChannel().transmit(new CommandAPDU(0x00, 0x20, 0x00, 0x01)))
        .as("an old connection stays dead")
        .isInstanceOf(CardException.class);
    Card again = reader.terminal().connect("*");
    Apdus fresh = new Apdus(command -> transmit(again.getBasicChannel(), command));
    fresh.selectCps();
    assertThat(fresh.pinStatus()).as("PIN no longer verified").containsExactly(3, 3, 0);
  }

  @Test
  void exclusiveAccessKeepsOtherConnectionsOut() throws Exception {
    InProcessReader reader = fixture.newCard().inProcessReader("CPS Reader 0");
    reader.insert();
    Card first = reader.terminal().connect("*");
    Card second = reader.terminal().connect("*");
    first.beginExclusive();
    assertThatThrownBy(
            () ->
                second
                    .getBasicChannel()
                    .transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, CpsCardLayout.cpsAid())))
        .isInstanceOf(CardException.class)
        .hasMessageContaining("SHARING_VIOLATION");
    first.endExclusive();
    assertThat(
            second
                .getBasicChannel()
                .transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, CpsCardLayout.cpsAid()))
                .getSW())
        .isEqualTo(0x9000);
  }

  @Test
  void severalReadersAndACardInOneReaderAtATime() throws Exception {
    InProcessTerminals terminals = InProcessTerminals.create("Reader A", "Reader B");
    SimulatedCard card = fixture.newCard();
    InProcessReader a = terminals.reader("Reader A", card);
    InProcessReader b = terminals.reader("Reader B", card);
    a.insert();
    assertThatThrownBy(b::insert).isInstanceOf(IllegalStateException.class);
    a.remove();
    b.insert();
    assertThat(terminals.list(CardTerminals.State.CARD_PRESENT))
        .extracting(CardTerminal::getName)
        .containsExactly("Reader B");
    assertThatThrownBy(a::terminals).isInstanceOf(IllegalStateException.class);
  }

  private static boolean waitQuietly(CardTerminals terminals, long millis) {
    try {
      return terminals.waitForChange(millis);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] transmit(CardChannel channel, byte[] command) {
    try {
      return channel.transmit(new CommandAPDU(command)).getBytes();
    } catch (CardException e) {
      throw new IllegalStateException(e);
    }
  }
}
