package org.libreconnect.worker.card;

import org.libreconnect.pkcs11.exceptions.CardException;
import org.libreconnect.pkcs11.exceptions.CardObjectMissingException;
import org.libreconnect.pkcs11.exceptions.LibraryLoadException;
import org.libreconnect.pkcs11.exceptions.LibraryNotFoundException;
import org.libreconnect.pkcs11.exceptions.NotLoggedInException;
import org.libreconnect.pkcs11.exceptions.PinIncorrectException;
import org.libreconnect.pkcs11.exceptions.PinLockedException;
import org.libreconnect.pkcs11.exceptions.Pkcs11Exception;
import org.libreconnect.pkcs11.exceptions.ReaderNotFoundException;
import org.libreconnect.pkcs11.exceptions.TokenNotPresentException;
import org.libreconnect.pkcs11.exceptions.TokenRemovedException;
import org.libreconnect.protocol.error.ApiException;
import org.libreconnect.protocol.error.CardErrorKinds;
import org.libreconnect.protocol.error.ErrorKind;

/**
 * Card, reader, PC/SC and PKCS#11 failures as JS2 errors ({@link CardErrorKinds}, type 1): a
 * plain-language {@code s_apiErrorDescription} and the technical detail (PC/SC or PKCS#11 code,
 * library path) in {@code s_apiErrorExtendedInformations}; for a wrong PIN, the tries left.
 * Messages never hold a PIN. Called by the worker's single error-mapping point; card-TLS failures
 * are left to the DMP mapping. docs/card-errors.md is the same table for support staff.
 */
public final class CardErrors {
  private CardErrors() {}

  /** The JS2 exception for a card failure; anything else is returned unchanged. */
  public static Throwable translate(Throwable failure) {
    if (!(failure instanceof CardException card)) {
      return failure;
    }
    return switch (card) {
      case PinIncorrectException e ->
          api(CardErrorKinds.PIN_INCORRECT, "Wrong PIN code", triesLeft(e), e);
      case PinFormatException e ->
          api(CardErrorKinds.PIN_INCORRECT, "Wrong PIN code",
              "a PIN has 4 to 8 digits; no try was used", e);
      case PinLockedException e ->
          api(CardErrorKinds.CARD_BLOCKED,
              "The card is blocked after too many wrong PIN codes", "0 tries left; " + e.getMessage(), e);
      case TokenNotPresentException e ->
          api(CardErrorKinds.NO_CARD, "No card in the reader", e.getMessage(), e);
      case TokenRemovedException e ->
          api(CardErrorKinds.CARD_STATUS_CHANGED,
              "The card was removed or changed: insert it and call hl_getCpxCard again",
              e.getMessage(), e);
      case ReaderNotFoundException e ->
          api(CardErrorKinds.READER_NOT_FOUND, "Reader not found or unplugged", e.getMessage(), e);
      case UnknownCardException e ->
          api(CardErrorKinds.UNKNOWN_CARD, "The card is not a CPS card", e.getMessage(), e);
      case CardObjectMissingException e ->
          api(CardErrorKinds.UNKNOWN_CARD,
              "The card holds no personal CPS keys and certificates", e.getMessage(), e);
      case CardExpiredException e ->
          api(CardErrorKinds.CARD_EXPIRED, "The card has expired", e.getMessage(), e);
      case PcscUnavailableException e ->
          api(CardErrorKinds.PCSC_UNAVAILABLE,
              "The smart card service (PC/SC) is not running", e.getMessage(), e);
      case PcscContextLostException e ->
          api(CardErrorKinds.PCSC_UNAVAILABLE,
              "The smart card service (PC/SC) stopped or restarted: the connector is restarting its"
                  + " card access; send the command again",
              e.getMessage(), e);
      case LibraryNotFoundException e ->
          api(CardErrorKinds.PKCS11_LIBRARY_MISSING,
              "The Cryptolib CPS (PKCS#11 library) is not installed", e.getMessage(), e);
      case LibraryLoadException e ->
          api(CardErrorKinds.PKCS11_LIBRARY_LOAD_FAILED,
              "The Cryptolib CPS (PKCS#11 library) cannot be loaded", e.getMessage(), e);
      case NotLoggedInException e ->
          api(CardErrorKinds.PIN_SESSION_LOST,
              "The card lost its PIN verification: read the card again with the PIN", e.getMessage(), e);
      case Pkcs11Exception e ->
          api(CardErrorKinds.CARD_ERROR, "The card or its PKCS#11 library reported an error",
              e.getMessage(), e);
      case CardAccessException e ->
          api(CardErrorKinds.CARD_ERROR, "The card or the reader reported an error", e.getMessage(), e);
      default -> failure; // card-TLS failures belong to the DMP errors
    };
  }

  private static String triesLeft(PinIncorrectException e) {
    if (e.triesLeft().isEmpty()) {
      return "tries left unknown";
    }
    int left = e.triesLeft().getAsInt();
    return left + (left == 1 ? " try left" : " tries left");
  }

  private static ApiException api(ErrorKind kind, String description, String details, Throwable cause) {
    return new ApiException(kind, description, details, cause);
  }
}
