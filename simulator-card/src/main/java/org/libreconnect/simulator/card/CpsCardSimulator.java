package org.libreconnect.simulator.card;

import com.licel.jcardsim.base.Simulator;

/** A jCardSim card that answers with its own ATR instead of the JVM-wide system property. */
final class CpsCardSimulator extends Simulator {
  private final byte[] atr;

  CpsCardSimulator(byte[] atr) {
    this.atr = atr.clone();
  }

  @Override
  public byte[] getATR() {
    return atr.clone();
  }
}
