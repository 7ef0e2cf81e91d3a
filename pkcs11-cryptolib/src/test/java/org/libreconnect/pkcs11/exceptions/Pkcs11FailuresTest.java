package org.libreconnect.pkcs11.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.KeyStoreException;
import java.security.ProviderException;
import java.security.UnrecoverableKeyException;
import java.util.Optional;
import java.util.stream.Stream;
import javax.security.auth.login.FailedLoginException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row: what SunPKCS11 threw (shapes seen on JDK 25 with SoftHSM2), and what we report. */
class Pkcs11FailuresTest {
  static Stream<Arguments> failures() {
    return Stream.of(
        row(Operation.LOGIN, login(p11("CKR_PIN_INCORRECT")), PinIncorrectException.class, "PIN_INCORRECT", "CKR_PIN_INCORRECT"),
        row(Operation.LOGIN, new IOException("load failed", unrecoverable(login(p11("CKR_PIN_INCORRECT")))),
            PinIncorrectException.class, "PIN_INCORRECT", "CKR_PIN_INCORRECT"),
        row(Operation.LOGIN, login(p11("CKR_PIN_LEN_RANGE")), PinIncorrectException.class, "PIN_INCORRECT", "CKR_PIN_LEN_RANGE"),
        row(Operation.LOGIN, login(p11("CKR_PIN_INVALID")), PinIncorrectException.class, "PIN_INCORRECT", "CKR_PIN_INVALID"),
        row(Operation.LOGIN, login(p11("CKR_PIN_LOCKED")), PinLockedException.class, "PIN_LOCKED", "CKR_PIN_LOCKED"),
        row(Operation.SIGN, new ProviderException(p11("CKR_USER_NOT_LOGGED_IN")), NotLoggedInException.class,
            "NOT_LOGGED_IN", "CKR_USER_NOT_LOGGED_IN"),
        row(Operation.OPEN_TOKEN, new ProviderException(p11("CKR_TOKEN_NOT_PRESENT")), TokenNotPresentException.class,
            "TOKEN_NOT_PRESENT", "CKR_TOKEN_NOT_PRESENT"),
        row(Operation.LOGIN, login(p11("CKR_TOKEN_NOT_PRESENT")), TokenRemovedException.class, "TOKEN_REMOVED",
            "CKR_TOKEN_NOT_PRESENT"),
        row(Operation.SIGN, new ProviderException(p11("CKR_DEVICE_REMOVED")), TokenRemovedException.class,
            "TOKEN_REMOVED", "CKR_DEVICE_REMOVED"),
        row(Operation.SIGN, new ProviderException(p11("CKR_SESSION_HANDLE_INVALID")), TokenRemovedException.class,
            "TOKEN_REMOVED", "CKR_SESSION_HANDLE_INVALID"),
        row(Operation.SIGN, new ProviderException("Token has been removed"), TokenRemovedException.class,
            "TOKEN_REMOVED", "Token has been removed"),
        row(Operation.LOAD_LIBRARY, new ProviderException("Initialization failed", p11("CKR_SLOT_ID_INVALID")),
            ReaderNotFoundException.class, "READER_NOT_FOUND", "CKR_SLOT_ID_INVALID"),
        row(Operation.LOAD_LIBRARY, new ProviderException("Initialization failed",
                new ProviderException("slotListIndex is 7 but token only has 3 slots")),
            ReaderNotFoundException.class, "READER_NOT_FOUND", "only has 3 slots"),
        row(Operation.LOAD_LIBRARY, new ProviderException("Library /nope/lib.so does not exist"),
            LibraryNotFoundException.class, "LIBRARY_NOT_FOUND", "/nope/lib.so"),
        row(Operation.LOAD_LIBRARY, new ProviderException("Initialization failed",
                new IOException("/etc/hostname: file too short")),
            LibraryLoadException.class, "LIBRARY_LOAD_FAILED", "file too short"),
        row(Operation.LOAD_LIBRARY, new UnsatisfiedLinkError("wrong ELF class: ELFCLASS32"),
            LibraryLoadException.class, "LIBRARY_LOAD_FAILED", "ELFCLASS32"),
        row(Operation.LOAD_LIBRARY, new ProviderException("Initialization failed", p11("CKR_GENERAL_ERROR")),
            LibraryLoadException.class, "LIBRARY_LOAD_FAILED", "CKR_GENERAL_ERROR"),
        row(Operation.READ_OBJECTS, new KeyStoreException("PKCS11 not found"), TokenNotPresentException.class,
            "TOKEN_NOT_PRESENT", "PKCS11 not found"),
        row(Operation.SIGN, new ProviderException(p11("CKR_DEVICE_ERROR")), Pkcs11Exception.class, "PKCS11_ERROR",
            "CKR_DEVICE_ERROR"),
        row(Operation.OPEN_TOKEN, new ProviderException(p11("CKR_TOKEN_NOT_RECOGNIZED")), Pkcs11Exception.class,
            "PKCS11_ERROR", "CKR_TOKEN_NOT_RECOGNIZED"),
        row(Operation.LOGIN, login(p11("0x80000001")), Pkcs11Exception.class, "PKCS11_ERROR", "0x80000001"),
        row(Operation.SIGN, new IllegalStateException("odd"), Pkcs11Exception.class, "PKCS11_ERROR",
            "IllegalStateException: odd"));
  }

  @ParameterizedTest(name = "[{index}] {0} {2}")
  @MethodSource("failures")
  void eachFailureBecomesItsException(Operation operation, Throwable failure, Class<?> expected, String code,
      String detail) {
    CardException mapped = Pkcs11Failures.map(operation, failure);

    assertThat(mapped).isInstanceOf(expected).hasCause(failure);
    assertThat(mapped.code()).isEqualTo(code);
    assertThat(mapped.getMessage()).startsWith(operation.description() + " failed: ").contains(detail);
  }

  @ParameterizedTest(name = "[{index}] {0} {2}")
  @MethodSource("failures")
  void theReturnValueIsKeptWhenThereIsOne(Operation operation, Throwable failure, Class<?> expected, String code,
      String detail) {
    Optional<String> returnValue = Pkcs11Failures.returnValue(failure);
    assertThat(returnValue.isPresent()).isEqualTo(detail.startsWith("CKR_") || detail.startsWith("0x"));
    if (Pkcs11Failures.map(operation, failure) instanceof Pkcs11Exception other) {
      assertThat(other.returnValue()).isEqualTo(returnValue);
    }
  }

  @Test
  void aCardExceptionAlreadyInTheChainIsReturnedAsIs() {
    PinLockedException locked = new PinLockedException("blocked", null);
    assertThat(Pkcs11Failures.map(Operation.TLS_HANDSHAKE, new IOException("wrapped", locked))).isSameAs(locked);
  }

  @Test
  void pinTriesAreUnknownThroughSunPkcs11() {
    PinIncorrectException wrong = (PinIncorrectException) Pkcs11Failures.map(Operation.LOGIN, login(p11("CKR_PIN_INCORRECT")));
    assertThat(wrong.triesLeft()).isEmpty();
  }

  @Test
  void onlyPkcs11FailuresAreRecognisedAsSuch() {
    assertThat(Pkcs11Failures.isPkcs11Failure(new ProviderException("Token has been removed"))).isTrue();
    assertThat(Pkcs11Failures.isPkcs11Failure(new IOException(p11("CKR_DEVICE_ERROR")))).isTrue();
    assertThat(Pkcs11Failures.isPkcs11Failure(new IOException("Connection reset"))).isFalse();
  }

  private static Arguments row(Operation operation, Throwable failure, Class<?> expected, String code, String detail) {
    return Arguments.of(operation, failure, expected, code, detail);
  }

  private static PKCS11Exception p11(String returnValue) {
    return new PKCS11Exception(returnValue);
  }

  private static FailedLoginException login(Throwable cause) {
    FailedLoginException login = new FailedLoginException();
    login.initCause(cause);
    return login;
  }

  private static UnrecoverableKeyException unrecoverable(Throwable cause) {
    UnrecoverableKeyException unrecoverable = new UnrecoverableKeyException();
    unrecoverable.initCause(cause);
    return unrecoverable;
  }
}
