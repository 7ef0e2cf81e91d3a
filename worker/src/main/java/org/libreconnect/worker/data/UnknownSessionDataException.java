package org.libreconnect.worker.data;

/** Thrown when a session data id names no stored item (never created, removed or cleared). */
public final class UnknownSessionDataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String id;

  /** @param id the id that was asked for, possibly null */
  public UnknownSessionDataException(String id) {
    super("no session data with id \"" + id + "\"");
    this.id = id;
  }

  /** The id that was asked for, possibly null. */
  public String id() {
    return id;
  }
}
