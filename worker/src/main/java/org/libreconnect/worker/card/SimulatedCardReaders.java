package org.libreconnect.worker.card;

import java.util.Locale;

/** vsmartcard's virtual PC/SC readers, where the simulated card connects through vpcd. */
final class SimulatedCardReaders {
  private SimulatedCardReaders() {}

  /** Whether {@code readerName} is a vpcd reader ({@code Virtual PCD 00 00} and so on). */
  static boolean isVirtualPcscReader(String readerName) {
    return readerName != null && readerName.toLowerCase(Locale.ROOT).startsWith("virtual pcd ");
  }
}
