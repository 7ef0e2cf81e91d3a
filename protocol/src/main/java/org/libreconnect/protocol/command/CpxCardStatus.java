package org.libreconnect.protocol.command;

/**
 * The JS2 CPx card status ({@code i_cardStatus} / {@code s_cardStatus}, protocol spec 5.3), sent
 * by {@code hl_getCpxStatus} and pushed by {@code hl_startCpxCardMonitoring}. The names travel on
 * the wire exactly as spelled here.
 */
public enum CpxCardStatus {
  NotInitialized(0),
  ValidCardInserted(1),
  NoCardInserted(2),
  UnknownCardInserted(3),
  CardStatusChanged(4),
  CardIsBlocked(5),
  CardIsExpired(6),
  CpxReaderError(7);

  private final int code;

  CpxCardStatus(int code) {
    this.code = code;
  }

  /** The {@code i_cardStatus} value. */
  public int code() {
    return code;
  }
}
