package org.libreconnect.worker.card;

import javax.smartcardio.CardTerminals;

/**
 * Where a worker finds its card readers: the JDK's PC/SC provider in production, in-process
 * simulated readers in simulation mode. Only the card thread ({@link CardExecutor}) calls it.
 */
public interface CardTerminalsPort {

  /**
   * The readers.
   *
   * @throws PcscUnavailableException when the PC/SC service cannot be reached
   */
  CardTerminals terminals();

  /**
   * Whether this JVM holds a PC/SC context that a restart of the PC/SC service kills for good (the
   * JDK's SunPCSC keeps one per JVM and never re-establishes it).
   */
  boolean holdsPcscContext();

  /** Short words for logs, such as {@code "PC/SC"} or {@code "simulation"}. */
  String kind();

  /**
   * Whether the card in {@code readerName} may be the simulated card, whose private CPS
   * application (its AID and files) is asked for in such readers only, and of a card with the
   * simulated card's ATR only ({@link SimulatedCpsApplication#select}): a real card is never sent
   * that AID. Over PC/SC: vsmartcard's virtual readers ({@code Virtual PCD nn nn}), where the
   * simulated card connects through vpcd.
   */
  default boolean mayHoldSimulatedCard(String readerName) {
    return SimulatedCardReaders.isVirtualPcscReader(readerName);
  }
}
