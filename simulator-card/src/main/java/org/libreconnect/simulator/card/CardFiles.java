package org.libreconnect.simulator.card;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;

/** The transparent elementary files of the CPS applet, by two-byte file identifier. */
final class CardFiles {
  static final short NOT_FOUND = -1;
  private static final short CAPACITY = 12;

  private final short[] ids = new short[CAPACITY];
  private final byte[][] contents = new byte[CAPACITY][];

  /** Creates or replaces the file {@code fid} with a copy of the given bytes. */
  void put(short fid, byte[] source, short offset, short length) {
    short index = indexOf(fid);
    if (index == NOT_FOUND) {
      for (index = 0; index < CAPACITY && contents[index] != null; index++) {
        // first free slot
      }
      if (index == CAPACITY) {
        ISOException.throwIt(ISO7816.SW_FILE_FULL);
      }
    }
    byte[] content = new byte[length];
    Util.arrayCopy(source, offset, content, (short) 0, length);
    ids[index] = fid;
    contents[index] = content;
  }

  /** The index of {@code fid}, or {@link #NOT_FOUND}. */
  short indexOf(short fid) {
    for (short i = 0; i < CAPACITY; i++) {
      if (contents[i] != null && ids[i] == fid) {
        return i;
      }
    }
    return NOT_FOUND;
  }

  /**
   * Writes the FCP of file {@code index} ({@code 62 0B 80 02 <size> 82 01 01 83 02 <fid>}) and
   * returns its length.
   */
  short writeFcp(short index, byte[] out) {
    out[0] = 0x62;
    out[1] = 0x0B;
    out[2] = (byte) 0x80;
    out[3] = 0x02;
    Util.setShort(out, (short) 4, (short) contents[index].length);
    out[6] = (byte) 0x82;
    out[7] = 0x01;
    out[8] = 0x01; // transparent working EF
    out[9] = (byte) 0x83;
    out[10] = 0x02;
    Util.setShort(out, (short) 11, ids[index]);
    return 13;
  }

  short id(short index) {
    return ids[index];
  }

  byte[] content(short index) {
    return contents[index];
  }
}
