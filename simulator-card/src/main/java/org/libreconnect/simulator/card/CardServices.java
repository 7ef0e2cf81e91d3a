package org.libreconnect.simulator.card;

import org.libreconnect.simulation.card.CpsCardLayout;
import javacard.framework.Shareable;

/**
 * What the CPS applet lends the PIV applet on the same card (Java Card {@link Shareable}): one PIN
 * with one try counter, the two keys, and the public files.
 */
interface CardServices extends Shareable {
  /** Like VERIFY: returns 9000, {@code 63Cx} or 6983; {@code length} 0 asks for the status. */
  short verifyPin(byte[] buffer, short offset, short length);

  /** Forgets a successful PIN verification. */
  void resetPin();

  /**
   * Raw RSA with key {@code reference} ({@link CpsCardLayout#KEY_AUTHENTICATION} or {@link
   * CpsCardLayout#KEY_SIGNATURE}); throws 6982 when the PIN is not verified.
   */
  short sign(byte reference, byte[] block, short offset, short length, byte[] out, short outOffset);

  /** The length of public file {@code fid}, or -1 when there is none. */
  short publicFileLength(short fid);

  /**
   * Copies {@code length} bytes of public file {@code fid} from {@code from}; returns the count.
   */
  short readPublicFile(short fid, short from, byte[] out, short outOffset, short length);
}
