package org.libreconnect.simulator.card;

import com.licel.jcardsim.base.Simulator;
import com.licel.jcardsim.base.SimulatorRuntime;

/**
 * A jCardSim card that answers with its own ATR instead of the JVM-wide system property, with a
 * runtime of its own: jCardSim's default constructor shares one runtime (applets, selection,
 * transient memory) among every card of the JVM, so that making a second card would wipe the
 * first one's applets.
 */
final class CpsCardSimulator extends Simulator {
  private final byte[] atr;

  CpsCardSimulator(byte[] atr) {
    super(new SimulatorRuntime());
    this.atr = atr.clone();
  }

  @Override
  public byte[] getATR() {
    return atr.clone();
  }
}
