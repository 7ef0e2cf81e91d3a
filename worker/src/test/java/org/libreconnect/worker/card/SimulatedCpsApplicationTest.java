package org.libreconnect.worker.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.libreconnect.simulation.card.CpsCardLayout;

/**
 * The simulated card's private AID goes to a card with the simulated card's ATR only: real CPS,
 * Vitale and other cards, even in a virtual reader, never receive a single APDU from this path.
 */
class SimulatedCpsApplicationTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "3B9B188001001225006480040100009044", // CPS4 contact, a real card's
        "3B9B188001001225006480000401009044", // CPS4 release candidate
        "3BAC00402A001225006480000310009000", // CPS3 contact
        "3B7513000045 09EA9000", // Vitale 2
        "3BFA1800008131FE454A434F5033315632333298", // another card
        "3B9B18800100122500648053494D009017" // the simulated card's with a wrong TCK
      })
  void aCardWithAnotherAtrIsNeverSentTheSelect(String atr) {
    RecordingCard card = new RecordingCard(atr);

    assertThat(SimulatedCpsApplication.select(card, false)).isEmpty();
    assertThat(card.channel.sent).isEmpty();
  }

  @Test
  void theSimulatedCardsAtrGetsTheSelectOfItsPrivateAid() {
    RecordingCard card = new RecordingCard(CpsCardLayout.ATR_HEX);

    assertThat(SimulatedCpsApplication.select(card, false)).isPresent();
    assertThat(card.channel.sent).hasSize(1);
    CommandAPDU select = card.channel.sent.get(0);
    assertThat(select.getINS()).isEqualTo(0xA4);
    assertThat(select.getP1()).isEqualTo(0x04);
    assertThat(select.getData()).isEqualTo(CpsCardLayout.cpsAid());
  }

  @Test
  void aRealCardInAVirtualReaderIsNotSentTheSelectEither() {
    RecordingCard card = new RecordingCard("3B9B188001001225006480040100009044");
    CardTerminal virtual = new OneCardTerminal("Virtual PCD 00 00", card);

    assertThat(SimulatedCpxCard.open(virtual, new PcscTerminalsPort(), Clock.systemUTC())).isEmpty();
    assertThat(card.channel.sent).isEmpty();
  }

  /** A card with a given ATR whose basic channel records the commands and answers 9000. */
  private static final class RecordingCard extends Card {
    final RecordingChannel channel = new RecordingChannel(this);
    private final ATR atr;

    RecordingCard(String atrHex) {
      this.atr = new ATR(HexFormat.of().parseHex(atrHex.replace(" ", "")));
    }

    @Override
    public ATR getATR() {
      return atr;
    }

    @Override
    public String getProtocol() {
      return "T=1";
    }

    @Override
    public CardChannel getBasicChannel() {
      return channel;
    }

    @Override
    public CardChannel openLogicalChannel() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void beginExclusive() {}

    @Override
    public void endExclusive() {}

    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void disconnect(boolean reset) {}
  }

  private static final class RecordingChannel extends CardChannel {
    final List<CommandAPDU> sent = new ArrayList<>();
    private final Card card;

    RecordingChannel(Card card) {
      this.card = card;
    }

    @Override
    public Card getCard() {
      return card;
    }

    @Override
    public int getChannelNumber() {
      return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) {
      sent.add(command);
      return new ResponseAPDU(new byte[] {(byte) 0x90, 0x00});
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  private static final class OneCardTerminal extends CardTerminal {
    private final String name;
    private final Card card;

    OneCardTerminal(String name, Card card) {
      this.name = name;
      this.card = card;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public Card connect(String protocol) {
      return card;
    }

    @Override
    public boolean isCardPresent() {
      return true;
    }

    @Override
    public boolean waitForCardPresent(long timeout) {
      return true;
    }

    @Override
    public boolean waitForCardAbsent(long timeout) {
      return false;
    }
  }
}
