package org.libreconnect.worker.card;

import org.libreconnect.pkcs11.exceptions.CardException;

/**
 * Thrown when this JVM's PC/SC context died because the PC/SC service stopped or restarted: the
 * JDK never re-establishes it, so the worker answers and asks the master for a successor.
 */
public final class PcscContextLostException extends CardException {
  public PcscContextLostException(String message, Throwable cause) {
    super("PCSC_CONTEXT_LOST", message, cause);
  }
}
