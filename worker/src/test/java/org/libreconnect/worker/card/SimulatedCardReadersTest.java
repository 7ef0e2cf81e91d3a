package org.libreconnect.worker.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.Test;

/** The simulated card's private AID goes to the readers that can hold that card, never elsewhere. */
class SimulatedCardReadersTest {
  private final CardTerminalsPort pcsc = new PcscTerminalsPort();

  @Test
  void overPcscOnlyVpcdReadersMayHoldTheSimulatedCardInSimulationEveryReaderDoes() {
    assertThat(pcsc.mayHoldSimulatedCard("Virtual PCD 00 01")).isTrue();
    assertThat(pcsc.mayHoldSimulatedCard("Gemalto PC Twin Reader 00 00")).isFalse();
    assertThat(pcsc.mayHoldSimulatedCard("OMNIKEY 3x21 Smart Card Reader 00 00")).isFalse();
    assertThat(pcsc.mayHoldSimulatedCard(null)).isFalse();
    assertThat(new SimulatedTerminalsPort(() -> null).mayHoldSimulatedCard("Any Reader 0")).isTrue();
  }

  @Test
  void aCardInARealReaderIsNotEvenConnectedToForTheSimulatedApplication() {
    CardTerminal real = new CardTerminal() {
      @Override
      public String getName() {
        return "Gemalto PC Twin Reader 00 00";
      }

      @Override
      public Card connect(String protocol) {
        throw new AssertionError("the simulated card's application must not be asked of a real reader");
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
    };

    assertThat(SimulatedCpxCard.open(real, pcsc, Clock.systemUTC())).isEmpty();
  }
}
