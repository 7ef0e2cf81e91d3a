package org.libreconnect.protocol.command;

/**
 * The JS2 Vitale monitoring status pushed by {@code hl_startVitaleCardMonitoring} ({@code
 * i_cardStatus} / {@code s_cardStatus}, protocol spec 5.4). Clients compare the exact strings
 * "NewCardFound" and "CardMissing"; CardFound is part of the enum but never sent.
 */
public enum VitaleMonitoringStatus {
  NotInitialized(0),
  ReadError(1),
  NewCardFound(2),
  CardFound(3),
  CardMissing(4);

  private final int code;

  VitaleMonitoringStatus(int code) {
    this.code = code;
  }

  /** The {@code i_cardStatus} value. */
  public int code() {
    return code;
  }
}
