package org.libreconnect.worker.card;

import org.libreconnect.pkcs11.exceptions.CardException;

/** Thrown when the PC/SC service (pcscd, the Windows smart card service) cannot be reached. */
public final class PcscUnavailableException extends CardException {
  public PcscUnavailableException(String message, Throwable cause) {
    super("PCSC_UNAVAILABLE", message, cause);
  }
}
