package org.libreconnect.simulator.card;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;

/** BER-TLV lengths and single-byte-tag lookups inside applet buffers. */
final class Tlv {
  private Tlv() {}

  /** The length encoded at {@code offset} (short form, 81 xx or 82 xx xx). */
  static short length(byte[] buffer, short offset) {
    short first = (short) (buffer[offset] & 0xFF);
    if (first < 0x80) {
      return first;
    }
    if (first == 0x81) {
      return (short) (buffer[(short) (offset + 1)] & 0xFF);
    }
    if (first == 0x82) {
      short value =
          (short)
              (((buffer[(short) (offset + 1)] & 0xFF) << 8)
                  | (buffer[(short) (offset + 2)] & 0xFF));
      if (value < 0) {
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
      }
      return value;
    }
    ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    return 0;
  }

  /** The offset just after the length encoded at {@code offset}. */
  static short skipLength(byte[] buffer, short offset) {
    short first = (short) (buffer[offset] & 0xFF);
    return (short) (offset + (first == 0x81 ? 2 : first == 0x82 ? 3 : 1));
  }

  /**
   * Writes {@code length} at {@code offset} (always 3 bytes when over 127) and returns the next
   * offset.
   */
  static short putLength(byte[] buffer, short offset, short length) {
    if (length < 0x80) {
      buffer[offset] = (byte) length;
      return (short) (offset + 1);
    }
    buffer[offset] = (byte) 0x82;
    buffer[(short) (offset + 1)] = (byte) (length >> 8);
    buffer[(short) (offset + 2)] = (byte) length;
    return (short) (offset + 3);
  }

  /**
   * The offset of the length field of the first {@code tag} among the TLVs in {@code [offset,
   * end)}, or -1. Tags are single bytes.
   */
  static short find(byte[] buffer, short offset, short end, byte tag) {
    while (offset < end) {
      byte current = buffer[offset];
      short lengthOffset = (short) (offset + 1);
      short valueOffset = skipLength(buffer, lengthOffset);
      if (current == tag) {
        return lengthOffset;
      }
      offset = (short) (valueOffset + length(buffer, lengthOffset));
    }
    return -1;
  }
}
