package org.libreconnect.worker;

import java.nio.file.Path;

/** This worker's two log files and their levels. */
public interface LogControl {

  /** JS2's "server log" of this process. */
  Path serviceLog();

  /** JS2's "DmpConnect log" of this process (cards, PKCS#11, DMP). */
  Path connectorLog();

  /**
   * Applies new levels.
   *
   * @param serviceLevel JS2 server log level, 1 to 7
   * @param connectorLevel JS2 {@code LogVerbosity}, 0 to 5
   */
  void setLevels(int serviceLevel, int connectorLevel);

  /** Waits until the lines logged before the call are in the files (they are written in the background). */
  void flush();
}
