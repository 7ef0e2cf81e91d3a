package org.libreconnect.simulation.card;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Host-side BER-TLV with one-byte tags: builds templates and reads them back. */
public final class BerTlv {
  private final ByteArrayOutputStream content = new ByteArrayOutputStream();

  /** Appends {@code tag} with {@code value}. */
  public BerTlv add(int tag, byte[] value) {
    content.write(tag);
    writeLength(content, value.length);
    content.writeBytes(value);
    return this;
  }

  /** Appends {@code tag} with the UTF-8 bytes of {@code value}. */
  public BerTlv add(int tag, String value) {
    return add(tag, value.getBytes(StandardCharsets.UTF_8));
  }

  /** The TLVs added so far, one after the other. */
  public byte[] bytes() {
    return content.toByteArray();
  }

  /** The TLVs added so far wrapped in {@code tag}. */
  public byte[] wrap(int tag) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    writeLength(out, content.size());
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }

  /**
   * The TLVs inside the template {@code expectedTag} at the start of {@code encoded}, by tag, in
   * order.
   *
   * @throws IllegalArgumentException when the bytes are not such a template
   */
  public static Map<Integer, byte[]> read(byte[] encoded, int expectedTag) {
    if (encoded.length < 2 || (encoded[0] & 0xFF) != expectedTag) {
      throw new IllegalArgumentException(String.format("not a %02X template", expectedTag));
    }
    int[] position = {1};
    int length = readLength(encoded, position);
    int end = position[0] + length;
    if (end > encoded.length) {
      throw new IllegalArgumentException("template length " + length + " exceeds the data");
    }
    Map<Integer, byte[]> values = new LinkedHashMap<>();
    while (position[0] < end) {
      int tag = encoded[position[0]++] & 0xFF;
      int valueLength = readLength(encoded, position);
      if (position[0] + valueLength > end) {
        throw new IllegalArgumentException(String.format("tag %02X overruns its template", tag));
      }
      byte[] value = new byte[valueLength];
      System.arraycopy(encoded, position[0], value, 0, valueLength);
      values.put(tag, value);
      position[0] += valueLength;
    }
    return values;
  }

  private static void writeLength(ByteArrayOutputStream out, int length) {
    if (length < 0x80) {
      out.write(length);
    } else if (length <= 0xFF) {
      out.write(0x81);
      out.write(length);
    } else if (length <= 0xFFFF) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length);
    } else {
      throw new IllegalArgumentException("value of " + length + " bytes is too long for the card");
    }
  }

  private static int readLength(byte[] encoded, int[] position) {
    int first = encoded[position[0]++] & 0xFF;
    if (first < 0x80) {
      return first;
    }
    int count = first & 0x7F;
    if (count < 1 || count > 2) {
      throw new IllegalArgumentException("unsupported length form " + Integer.toHexString(first));
    }
    int length = 0;
    for (int i = 0; i < count; i++) {
      length = (length << 8) | (encoded[position[0]++] & 0xFF);
    }
    return length;
  }
}
