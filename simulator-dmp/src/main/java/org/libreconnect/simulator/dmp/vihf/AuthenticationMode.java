package org.libreconnect.simulator.dmp.vihf;

/** The VIHF's {@code Authentification_Mode} (dmp.md §1.2, §1.4). */
public enum AuthenticationMode {
  /** The professional's own card authenticates the TLS connection. */
  DIRECTE,
  /** A structure certificate authenticates; the VIHF is signed by the structure. */
  INDIRECTE,
  /** Indirect with stronger local authentication (AIR). */
  INDIRECTE_RENFORCEE;

  /** Whether this is one of the indirect modes. */
  public boolean indirect() {
    return this != DIRECTE;
  }
}
