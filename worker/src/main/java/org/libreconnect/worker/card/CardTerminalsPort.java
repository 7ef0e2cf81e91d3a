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
}
