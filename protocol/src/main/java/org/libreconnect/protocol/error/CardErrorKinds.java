package org.libreconnect.protocol.error;

/**
 * The card and reader errors ({@code i_apiErrorType} 1, ApiErrors, {@code s_status} API_ERROR).
 * Code 7 (wrong PIN) is the one value observed in the wild; icanopee's full table is not public,
 * so the others are this connector's own, in a block of their own (1001 and up).
 * docs/card-errors.md explains each to support staff.
 */
public final class CardErrorKinds {
  /** {@code i_apiErrorType} of the DmpConnect API layer (cards, PIN, parameters). */
  public static final int API_TYPE = 1;

  private static final String API_TYPE_DESCRIPTION = "ApiErrors";

  /** The card refused the PIN; tries left go to {@code s_apiErrorExtendedInformations}. */
  public static final ErrorKind PIN_INCORRECT = kind(7, "ErrPinIncorrect");

  /** The card is blocked after too many wrong PINs (ours). */
  public static final ErrorKind CARD_BLOCKED = kind(1001, "ErrCardBlocked");

  /** No card in the chosen reader (ours). */
  public static final ErrorKind NO_CARD = kind(1002, "ErrNoCard");

  /** The card was removed or replaced since hl_getCpxCard: call it again (ours). */
  public static final ErrorKind CARD_STATUS_CHANGED = kind(1003, "ErrCardStatusChanged");

  /** No reader with that name or number, or it was unplugged (ours). */
  public static final ErrorKind READER_NOT_FOUND = kind(1004, "ErrReaderNotFound");

  /** The card is not a CPS card, or not a personal one (ours). */
  public static final ErrorKind UNKNOWN_CARD = kind(1005, "ErrUnknownCard");

  /** The card is past its last valid day (ours). */
  public static final ErrorKind CARD_EXPIRED = kind(1006, "ErrCardExpired");

  /** The PC/SC service is not running, stopped or restarted (ours). */
  public static final ErrorKind PCSC_UNAVAILABLE = kind(1007, "ErrPcscUnavailable");

  /** No PKCS#11 library (Cryptolib CPS) where expected (ours). */
  public static final ErrorKind PKCS11_LIBRARY_MISSING = kind(1008, "ErrPkcs11LibraryMissing");

  /** The PKCS#11 library exists but cannot be loaded (ours). */
  public static final ErrorKind PKCS11_LIBRARY_LOAD_FAILED = kind(1009, "ErrPkcs11LibraryLoad");

  /** The card, the reader or the PKCS#11 library reported another error (ours). */
  public static final ErrorKind CARD_ERROR = kind(1010, "ErrCard");

  /** The card lost its PIN verification (reset by another program) (ours). */
  public static final ErrorKind PIN_SESSION_LOST = kind(1011, "ErrPinSessionLost");

  private CardErrorKinds() {}

  private static ErrorKind kind(int code, String name) {
    return new ErrorKind(API_TYPE, API_TYPE_DESCRIPTION, code, name);
  }
}
