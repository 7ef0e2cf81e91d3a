package org.libreconnect.worker.data;

/** Thrown when storing data would go over a size limit; nothing was stored. */
public final class DataTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long attemptedBytes;
  private final long limitBytes;

  /**
   * @param what what would be too large, in words, e.g. {@code session data item "42"}
   * @param attemptedBytes the size the item or the total would have had
   * @param limitBytes the limit it would have gone over
   */
  public DataTooLargeException(String what, long attemptedBytes, long limitBytes) {
    super(what + " would take " + attemptedBytes + " bytes, over the limit of " + limitBytes + " bytes");
    this.attemptedBytes = attemptedBytes;
    this.limitBytes = limitBytes;
  }

  /** The size the item, or the total, would have had. */
  public long attemptedBytes() {
    return attemptedBytes;
  }

  /** The limit that was in force. */
  public long limitBytes() {
    return limitBytes;
  }
}
