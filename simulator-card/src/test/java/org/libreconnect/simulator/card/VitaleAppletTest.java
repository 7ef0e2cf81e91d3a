package org.libreconnect.simulator.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;

/** The simulated Vitale card as a reader sees it: its ATR, its two applications, their files. */
class VitaleAppletTest {
  private static final byte[] ROOT = HexFormat.of().parseHex("D2500000024D465F564954414C45");
  private static final byte[] VITALE = HexFormat.of().parseHex("D250000002564954414C45");

  @Test
  void servesEachApplicationsFileByShortIdentifierThenByOffset() throws Exception {
    List<byte[]> files = SimulatedVitaleCard.files(SimulatedVitaleCard.Kind.TEST, VitaleHolder.testFamily());
    InProcessReader reader = SimulatedVitaleCard.testCard().inProcessReader("Vitale Reader");
    reader.insert();
    assertThat(HexFormat.of().formatHex(reader.terminal().connect("*").getATR().getBytes()))
        .isEqualTo("3b751300004709ea9000");
    CardChannel channel = reader.terminal().connect("*").getBasicChannel();

    assertThat(channel.transmit(new CommandAPDU(0, 0xA4, 0x04, 0, ROOT)).getSW()).isEqualTo(0x9000);
    assertThat(readWhole(channel)).isEqualTo(files.get(0));
    assertThat(channel.transmit(new CommandAPDU(0, 0xA4, 0x04, 0, VITALE)).getSW()).isEqualTo(0x9000);
    byte[] nirs = readWhole(channel);
    assertThat(nirs).isEqualTo(files.get(1));
    assertThat(new String(nirs, 0, 40, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("153078987658513");
  }

  @Test
  void refusesWhatTheLayoutDoesNotHave() throws Exception {
    InProcessReader reader = SimulatedVitaleCard.demoCard().inProcessReader("Vitale Reader");
    reader.insert();
    CardChannel channel = reader.terminal().connect("*").getBasicChannel();
    channel.transmit(new CommandAPDU(0, 0xA4, 0x04, 0, ROOT));
    assertThat(channel.transmit(new CommandAPDU(0, 0xB0, 0x83, 0, 256)).getSW()).as("short id 3").isEqualTo(0x6A82);
    assertThat(channel.transmit(new CommandAPDU(0, 0xA4, 0, 0, new byte[] {0x3F, 0})).getSW()).isEqualTo(0x6A82);
    assertThat(channel.transmit(new CommandAPDU(0, 0xB0, 0x7F, 0, 256)).getSW()).as("past the end").isEqualTo(0x6B00);
    assertThat(channel.transmit(new CommandAPDU(0x80, 0xD6, 0, 0, new byte[] {1})).getSW())
        .as("no writing once issued").isEqualTo(0x6982);
    assertThat(channel.transmit(new CommandAPDU(0, 0xA4, 0x04, 0, HexFormat.of().parseHex("A000000000"))).getSW())
        .isNotEqualTo(0x9000);
  }

  @Test
  void twoCardsInOneProcessKeepTheirOwnApplications() throws Exception {
    SimulatedVitaleCard first = SimulatedVitaleCard.testCard();
    SimulatedVitaleCard.demoCard(); // made after the first: must not wipe its applets
    byte[] answer = first.transmit(new CommandAPDU(0, 0xA4, 0x04, 0, ROOT).getBytes());
    assertThat(new ResponseAPDU(answer).getSW()).isEqualTo(0x9000);
  }

  private static byte[] readWhole(CardChannel channel) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResponseAPDU first = channel.transmit(new CommandAPDU(0, 0xB0, 0x82, 0, 100));
    assertThat(first.getSW()).isEqualTo(0x9000);
    out.writeBytes(first.getData());
    while (true) {
      int offset = out.size();
      ResponseAPDU next = channel.transmit(new CommandAPDU(0, 0xB0, offset >> 8, offset & 0xFF, 100));
      assertThat(next.getSW()).isEqualTo(0x9000);
      out.writeBytes(next.getData());
      if (next.getNr() < 100) {
        return out.toByteArray();
      }
    }
  }
}
