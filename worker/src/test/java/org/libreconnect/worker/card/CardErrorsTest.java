package org.libreconnect.worker.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.libreconnect.pkcs11.exceptions.LibraryNotFoundException;
import org.libreconnect.pkcs11.exceptions.PinIncorrectException;
import org.libreconnect.pkcs11.exceptions.PinLockedException;
import org.libreconnect.pkcs11.exceptions.Pkcs11Exception;
import org.libreconnect.pkcs11.exceptions.TlsHandshakeException;
import org.libreconnect.pkcs11.exceptions.TokenNotPresentException;
import org.libreconnect.pkcs11.exceptions.TokenRemovedException;
import org.libreconnect.protocol.Status;
import org.libreconnect.protocol.error.ErrorAnswer;
import org.libreconnect.worker.WorkerErrors;

/** Card failures through the worker's single error-mapping point. */
class CardErrorsTest {
  private final WorkerErrors errors = new WorkerErrors();

  @Test
  void aWrongPinIsCode7WithTheTriesLeft() {
    ErrorAnswer answer =
        errors.toAnswer(
            new PinIncorrectException("checking the PIN failed", OptionalInt.of(2), null),
            "hl_readCpxCard");
    assertThat(answer.status()).isEqualTo(Status.API_ERROR);
    assertThat(answer.apiErrorType()).isEqualTo(1);
    assertThat(answer.apiErrorCode()).isEqualTo(7);
    assertThat(answer.apiErrorExtendedInformations()).isEqualTo("2 tries left");
    assertThat(answer.apiErrorContext()).isEqualTo("hl_readCpxCard");
    assertThat(
            errors
                .toAnswer(new PinIncorrectException("x", OptionalInt.empty(), null), "hl_readCpxCard")
                .apiErrorExtendedInformations())
        .isEqualTo("tries left unknown");
  }

  @Test
  void eachCardFailureHasItsOwnCode() {
    assertThat(code(new PinLockedException("blocked", null))).isEqualTo(1001);
    assertThat(code(new TokenNotPresentException("no card", null))).isEqualTo(1002);
    assertThat(code(new TokenRemovedException("removed", null))).isEqualTo(1003);
    assertThat(code(new org.libreconnect.pkcs11.exceptions.ReaderNotFoundException("r", null))).isEqualTo(1004);
    assertThat(code(new UnknownCardException("not CPS", null))).isEqualTo(1005);
    assertThat(code(new CardExpiredException("expired"))).isEqualTo(1006);
    assertThat(code(new PcscUnavailableException("down", null))).isEqualTo(1007);
    assertThat(code(new PcscContextLostException("restarted", null))).isEqualTo(1007);
    assertThat(code(new LibraryNotFoundException("no lib", null))).isEqualTo(1008);
    assertThat(code(new Pkcs11Exception("CKR_DEVICE_ERROR", "CKR_DEVICE_ERROR", null))).isEqualTo(1010);
    assertThat(code(new CardAccessException("6F00", null))).isEqualTo(1010);
  }

  @Test
  void cardTlsFailuresAreLeftToTheDmpMapping() {
    TlsHandshakeException tls = new TlsHandshakeException("handshake", null);
    assertThat(CardErrors.translate(tls)).isSameAs(tls);
  }

  private int code(Throwable failure) {
    return errors.toAnswer(failure, "hl_getCpxCard").apiErrorCode();
  }
}
