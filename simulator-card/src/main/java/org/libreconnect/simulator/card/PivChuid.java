package org.libreconnect.simulator.card;

import org.libreconnect.simulation.card.BerTlv;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The PIV Card Holder Unique Identifier of the simulated card (SP 800-73-4 part 1 §3.1.2): a FASC-N
 * for a non-federal issuer (agency code 9999), a GUID derived from the card serial number, the
 * expiry date and an empty issuer signature.
 */
final class PivChuid {
  private static final int START_SENTINEL = 0xB;
  private static final int FIELD_SEPARATOR = 0xD;
  private static final int END_SENTINEL = 0xF;

  private PivChuid() {}

  /** {@code 53 {30 FASC-N, 34 GUID, 35 YYYYMMDD, 3E 00, FE 00}}. */
  static byte[] encode(String cardSerialNumber, LocalDate expiry) {
    return new BerTlv()
        .add(0x30, fascN(cardSerialNumber))
        .add(0x34, guid(cardSerialNumber))
        .add(
            0x35,
            expiry.format(DateTimeFormatter.BASIC_ISO_DATE).getBytes(StandardCharsets.US_ASCII))
        .add(0x3E, new byte[0])
        .add(0xFE, new byte[0])
        .wrap(0x53);
  }

  /** A name-based UUID of the serial number, so a card keeps its GUID across runs. */
  static byte[] guid(String cardSerialNumber) {
    UUID uuid =
        UUID.nameUUIDFromBytes(("CPS " + cardSerialNumber).getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.allocate(16)
        .putLong(uuid.getMostSignificantBits())
        .putLong(uuid.getLeastSignificantBits())
        .array();
  }

  /**
   * 40 five-bit characters (4 data bits low bit first, then odd parity) packed into 25 bytes:
   * agency 9999, system 9999, credential = last 6 serial digits, series 0, issue 1, person id = 10
   * serial digits, category 1, organisation 9999, association 1, then the LRC.
   */
  static byte[] fascN(String cardSerialNumber) {
    String digits = cardSerialNumber.replaceAll("[^0-9]", "");
    String person = leftPad(digits, 10);
    String credential = person.substring(4);
    int[] characters = new int[40];
    int n = 0;
    characters[n++] = START_SENTINEL;
    n = digits(characters, n, "9999");
    characters[n++] = FIELD_SEPARATOR;
    n = digits(characters, n, "9999");
    characters[n++] = FIELD_SEPARATOR;
    n = digits(characters, n, credential);
    characters[n++] = FIELD_SEPARATOR;
    n = digits(characters, n, "0");
    characters[n++] = FIELD_SEPARATOR;
    n = digits(characters, n, "1");
    characters[n++] = FIELD_SEPARATOR;
    n = digits(characters, n, person + "1" + "9999" + "1");
    characters[n++] = END_SENTINEL;
    int lrc = 0;
    for (int i = 0; i < n; i++) {
      lrc ^= characters[i];
    }
    characters[n] = lrc;
    byte[] packed = new byte[25];
    int bit = 0;
    for (int character : characters) {
      int ones = Integer.bitCount(character);
      for (int b = 0; b < 5; b++) {
        boolean set = b < 4 ? ((character >> b) & 1) == 1 : ones % 2 == 0;
        if (set) {
          packed[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        bit++;
      }
    }
    return packed;
  }

  private static int digits(int[] characters, int n, String digits) {
    for (char c : digits.toCharArray()) {
      characters[n++] = c - '0';
    }
    return n;
  }

  private static String leftPad(String digits, int length) {
    String tail = digits.length() > length ? digits.substring(digits.length() - length) : digits;
    return "0".repeat(length - tail.length()) + tail;
  }
}
