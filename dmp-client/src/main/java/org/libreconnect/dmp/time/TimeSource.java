package org.libreconnect.dmp.time;

import java.time.Duration;

/** Measures the offset of the local clock against a time server. */
@FunctionalInterface
public interface TimeSource {

  /**
   * The offset to add to the system clock to get the server's time.
   *
   * @throws TimeUnavailableException when the server cannot be asked
   */
  Duration offset();
}
