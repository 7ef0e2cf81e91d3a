package org.libreconnect.worker.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.libreconnect.protocol.command.ReaderSlotType;
import org.libreconnect.simulator.card.SimulatedCard;

class AtrClassifierTest {
  private final AtrClassifier classifier = new AtrClassifier();

  @ParameterizedTest
  @CsvSource({
    "3B9B188001001225006480040100009044, CPS_CARD",
    "3B9B18800100122500648053494D009016, CPS_CARD",
    "3BAC00402A001225006480000310009000, CPS_CARD",
    "3BAC00402A001225006480820212009000, CPS_CARD",
    "3B8F80010031B86404B0ECC1739401808290000E, CPS_CARD",
    "3BDC18FF00001225006480000401009000, CPS_CARD",
    "3B7513000045 09EA9000, VITALE_CARD",
    "3B7513000049 09EA9000, VITALE_CARD",
    "3F6525002209699000, VITALE_CARD",
    "3BFA1800008131FE454A434F5033315632333298, OTHER_CARD",
    "3B9B188001001225006480040100009045, OTHER_CARD"
  })
  void classifiesPublicAtrs(String atr, ReaderSlotType expected) {
    assertThat(classifier.classify(HexFormat.of().parseHex(atr.replace(" ", "")))).isEqualTo(expected);
  }

  @Test
  void theSimulatedCardIsACpsCardOfItsOwnAndAnEmptyReaderHasNoCard() {
    assertThat(classifier.classify(HexFormat.of().parseHex(SimulatedCard.ATR_HEX)))
        .isEqualTo(ReaderSlotType.CPS_CARD);
    assertThat(classifier.family(HexFormat.of().parseHex(SimulatedCard.ATR_HEX))).isEqualTo("simulated CPS card");
    assertThat(classifier.family(HexFormat.of().parseHex("3B9B188001001225006480040100009044")))
        .isEqualTo("CPS4 contact");
    assertThat(classifier.classify(null)).isEqualTo(ReaderSlotType.NO_CARD);
  }
}
