package org.libreconnect.worker.dates;

/** Thrown when a text is not a birth date in one of the layouts found on Vitale cards. */
public final class InvalidDateException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String value;

  /**
   * @param value the rejected text, possibly null
   * @param reason why it was rejected, in plain words
   */
  public InvalidDateException(String value, String reason) {
    super((value == null ? "no birth date given" : "not a birth date: \"" + value + "\"") + " (" + reason + ")");
    this.value = value;
  }

  /** The rejected text, possibly null. */
  public String value() {
    return value;
  }
}
