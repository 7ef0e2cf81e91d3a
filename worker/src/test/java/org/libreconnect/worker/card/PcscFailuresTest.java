package org.libreconnect.worker.card;

import static org.assertj.core.api.Assertions.assertThat;

import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import org.junit.jupiter.api.Test;
import org.libreconnect.pkcs11.exceptions.ReaderNotFoundException;
import org.libreconnect.pkcs11.exceptions.TokenNotPresentException;
import org.libreconnect.pkcs11.exceptions.TokenRemovedException;
import org.libreconnect.worker.card.PcscFailures.Step;

class PcscFailuresTest {

  /** What the JDK throws: a CardException whose cause's message is the SCARD name. */
  private static CardException jdk(String code) {
    return new CardException("list() failed", new Exception(code));
  }

  @Test
  void noServiceMeansUnavailableUntilAContextWasHeldThenLost() {
    assertThat(PcscFailures.map(Step.READERS, jdk("SCARD_E_NO_SERVICE"), false))
        .isInstanceOf(PcscUnavailableException.class);
    assertThat(PcscFailures.map(Step.READERS, jdk("SCARD_E_NO_SERVICE"), true))
        .isInstanceOf(PcscContextLostException.class)
        .hasMessageContaining("SCARD_E_NO_SERVICE");
    assertThat(PcscFailures.map(Step.TRANSMIT, jdk("SCARD_E_SERVICE_STOPPED"), true))
        .isInstanceOf(PcscContextLostException.class);
  }

  @Test
  void aMissingCardDependsOnWhatWasBeingDone() {
    assertThat(PcscFailures.map(Step.TRANSMIT, jdk("SCARD_W_REMOVED_CARD"), true))
        .isInstanceOf(TokenRemovedException.class);
    assertThat(PcscFailures.map(Step.CONNECT, jdk("SCARD_E_NO_SMARTCARD"), true))
        .isInstanceOf(TokenNotPresentException.class);
    assertThat(PcscFailures.map(Step.CONNECT, new CardNotPresentException("No card present"), true))
        .isInstanceOf(TokenNotPresentException.class);
    assertThat(PcscFailures.map(Step.TRANSMIT, jdk("SCARD_W_RESET_CARD"), true))
        .isInstanceOf(TokenRemovedException.class);
  }

  @Test
  void readersSharingAndMuteCards() {
    assertThat(PcscFailures.map(Step.CONNECT, jdk("SCARD_E_READER_UNAVAILABLE"), true))
        .isInstanceOf(ReaderNotFoundException.class);
    assertThat(PcscFailures.map(Step.CONNECT, jdk("SCARD_E_SHARING_VIOLATION"), true))
        .isInstanceOf(CardAccessException.class)
        .hasMessageContaining("another program");
    assertThat(PcscFailures.map(Step.CONNECT, jdk("SCARD_W_UNRESPONSIVE_CARD"), true))
        .isInstanceOf(UnknownCardException.class);
    assertThat(PcscFailures.map(Step.TRANSMIT, new CardException("odd"), true))
        .isInstanceOf(CardAccessException.class)
        .hasMessageContaining("odd");
  }

  @Test
  void theInProcessReadersWordingIsReadToo() {
    assertThat(
            PcscFailures.map(
                Step.TRANSMIT, new CardException("SCARD_W_REMOVED_CARD: the card was removed"), false))
        .isInstanceOf(TokenRemovedException.class);
  }
}
