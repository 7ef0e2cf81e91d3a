package org.libreconnect.simulator.card;

import org.libreconnect.simulation.card.CpsCardLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HexFormat;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class VpcdCardConnectionTest {
  private static CardFixture fixture;

  @BeforeAll
  static void generatePki() {
    fixture = new CardFixture();
  }

  @Test
  void answersAtrRequestsAndApdusAndIgnoresPowerControls() throws Exception {
    try (FakeVpcd vpcd = new FakeVpcd()) {
      SimulatedCard card = fixture.newCard();
      VpcdCardConnection connection = card.vpcdConnection(vpcd.address());
      connection.insert();
      vpcd.acceptCard();
      assertThat(connection.isCardInserted()).isTrue();

      vpcd.send(new byte[] {4});
      assertThat(HexFormat.of().formatHex(vpcd.receive()))
          .isEqualToIgnoringCase(SimulatedCard.ATR_HEX);
      vpcd.send(new byte[] {1});
      vpcd.send(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, CpsCardLayout.cpsAid(), 256).getBytes());
      assertThat(new ResponseAPDU(vpcd.receive()).getSW())
          .as("power on needs no answer")
          .isEqualTo(0x9000);
      vpcd.send(new CommandAPDU(0x00, 0x20, 0x00, 0x01, "1234".getBytes()).getBytes());
      assertThat(new ResponseAPDU(vpcd.receive()).getSW()).isEqualTo(0x9000);

      vpcd.send(new byte[] {0});
      vpcd.send(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, CpsCardLayout.cpsAid(), 256).getBytes());
      vpcd.receive();
      vpcd.send(new CommandAPDU(0x00, 0xCA, 0xDF, 0x20, 256).getBytes());
      assertThat(new ResponseAPDU(vpcd.receive()).getData())
          .as("power off forgot the PIN")
          .containsExactly(3, 3, 0);

      connection.remove();
      assertThat(vpcd.cardHungUp()).isTrue();
      assertThat(connection.isCardInserted()).isFalse();
    }
  }

  @Test
  void alwaysAnswersEvenAMalformedCommand() throws Exception {
    try (FakeVpcd vpcd = new FakeVpcd()) {
      VpcdCardConnection connection = fixture.newCard().vpcdConnection(vpcd.address());
      connection.insert();
      vpcd.acceptCard();
      vpcd.send(new byte[] {0x00, (byte) 0xA4});
      byte[] answer = vpcd.receive();
      assertThat(answer).hasSizeGreaterThanOrEqualTo(2);
      connection.remove();
    }
  }

  @Test
  void noticesWhenVpcdGoesAway() throws Exception {
    try (FakeVpcd vpcd = new FakeVpcd()) {
      SimulatedCard card = fixture.newCard();
      VpcdCardConnection connection = card.vpcdConnection(vpcd.address());
      connection.insert();
      vpcd.acceptCard();
      vpcd.dropCard();
      connection.awaitDisconnection();
      assertThat(connection.isCardInserted()).isFalse();
      connection.remove();
      card.inProcessReader("after vpcd").insert();
    }
  }

  @Test
  void failsWhenNothingListensAndKeepsTheCardFree() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    SimulatedCard card = fixture.newCard();
    VpcdCardConnection connection =
        card.vpcdConnection(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    long start = System.nanoTime();
    assertThatThrownBy(() -> connection.insert(Duration.ofMillis(300)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("vpcd is not listening");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    card.inProcessReader("free").insert();
  }

  @Test
  void retriesUntilVpcdListens() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    VpcdCardConnection connection =
        fixture
            .newCard()
            .vpcdConnection(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    Thread late =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    Thread.sleep(300);
                    try (ServerSocket server =
                        new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                      server.accept().close();
                    }
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    connection.insert(Duration.ofSeconds(5));
    late.join();
    connection.remove();
  }
}
