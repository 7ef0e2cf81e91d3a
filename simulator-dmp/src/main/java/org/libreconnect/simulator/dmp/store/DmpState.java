package org.libreconnect.simulator.dmp.store;

/** Whether a patient has a DMP, and whether it is open. */
public enum DmpState {
  /** The DMP exists and is active. */
  EXISTING,
  /** The DMP was closed: TD0.2 reports it {@code terminated}. */
  CLOSED,
  /** The patient has no DMP: TD0.2 answers {@code NF}. */
  ABSENT
}
