package org.libreconnect.worker.vitale;

/**
 * Thrown when the files of a Vitale card do not follow the layout of {@link VitaleCardDecoder}:
 * truncated, garbled, or with values of the wrong form. The message names the file and the field,
 * never the value.
 */
public final class VitaleFormatException extends RuntimeException {
  public VitaleFormatException(String message) {
    super(message);
  }
}
