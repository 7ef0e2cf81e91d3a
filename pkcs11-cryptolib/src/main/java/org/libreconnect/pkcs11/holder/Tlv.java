package org.libreconnect.pkcs11.holder;

import java.util.Arrays;

/** One BER-TLV element with a one-byte tag, as the CPS data objects use them. */
record Tlv(int tag, byte[] value) {
  /** Reads consecutive elements; lengths in short form or {@code 81 xx} / {@code 82 xx xx}. */
  static final class Reader {
    private final byte[] data;
    private int position;

    Reader(byte[] data) {
      this.data = data;
    }

    boolean hasNext() {
      while (position < data.length && (data[position] == 0x00 || data[position] == (byte) 0xFF)) {
        position++; // padding between or after elements
      }
      return position < data.length;
    }

    Tlv next() {
      if (!hasNext()) {
        throw new IllegalArgumentException("no more elements");
      }
      int tag = data[position++] & 0xFF;
      int length = lengthByte();
      if (length == 0x81) {
        length = lengthByte();
      } else if (length == 0x82) {
        length = (lengthByte() << 8) | lengthByte();
      } else if (length > 0x7F) {
        throw new IllegalArgumentException("unsupported length form " + Integer.toHexString(length));
      }
      if (length > data.length - position) {
        throw new IllegalArgumentException("element " + Integer.toHexString(tag) + " is truncated");
      }
      byte[] value = Arrays.copyOfRange(data, position, position + length);
      position += length;
      return new Tlv(tag, value);
    }

    private int lengthByte() {
      if (position >= data.length) {
        throw new IllegalArgumentException("length is truncated");
      }
      return data[position++] & 0xFF;
    }
  }
}
