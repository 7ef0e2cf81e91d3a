package org.libreconnect.worker.vitale;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CommandAPDU;

/**
 * The one place that knows how a Vitale card lays out its data (docs/vitale.md gives the source of
 * each fact): which applications to select, which files to read, and how to decode them.
 *
 * <p>Two applications each hold one file, read with READ BINARY by short file identifier 2:
 *
 * <ul>
 *   <li>the card's root application {@code MF_VITALE} (AID {@code D2 50 00 00 02 4D 46 5F 56 49 54
 *       41 4C 45}): one template {@code 65} per beneficiary with {@code 80} name, {@code 81} first
 *       name, {@code 82} birth date (8 ASCII digits YYYYMMDD), {@code 90} nationality;
 *   <li>the application {@code VITALE} (AID {@code D2 50 00 00 02 56 49 54 41 4C 45}): one template
 *       {@code 65} per beneficiary, in the same order, with {@code 93} NIR and key (15 ASCII
 *       characters); then a template {@code 66} for the card with {@code 80} its first valid day.
 * </ul>
 *
 * Files end with zero padding. The tags {@code 83} (birth name), {@code 84} (birth rank), {@code
 * 85} (quality) in the identity templates, {@code 94} (certified NIR) in the NIR templates and
 * {@code 81} (kind of card: {@code T} test, {@code D} demonstration) in the card template are where
 * the simulated card keeps those values: their place on a real card is not public, and a card
 * without them reads as an empty birth name, rank 1, quality 0, no certified NIR and a production
 * card.
 */
public final class VitaleCardDecoder {
  /** AID of the root application, "MF_VITALE" after the registered prefix. */
  public static final byte[] AID_ROOT = HexFormat.of().parseHex("D2500000024D465F564954414C45");

  /** AID of the VITALE application. */
  public static final byte[] AID_VITALE = HexFormat.of().parseHex("D250000002564954414C45");

  /** The short file identifier of the file read in each application. */
  static final int SHORT_FILE_ID = 2;

  /** The largest answer to one READ BINARY; a shorter one ends the file. */
  public static final int CHUNK = 256;

  /** The most a file may hold; a card that sends more is refused. */
  public static final int MAX_FILE_BYTES = 8 * CHUNK;

  private static final int TAG_BENEFICIARY = 0x65;
  private static final int TAG_CARD = 0x66;
  private static final int TAG_NAME = 0x80;
  private static final int TAG_GIVEN = 0x81;
  private static final int TAG_BIRTH_DATE = 0x82;
  private static final int TAG_BIRTH_NAME = 0x83;
  private static final int TAG_BIRTH_RANK = 0x84;
  private static final int TAG_QUALITY = 0x85;
  private static final int TAG_NIR = 0x93;
  private static final int TAG_CERTIFIED_NIR = 0x94;
  private static final int TAG_CARD_KIND = 0x81;

  private static final String IDENTITY_FILE = "identity file";
  private static final String NIR_FILE = "NIR file";

  private VitaleCardDecoder() {}

  /** SELECT by AID of {@code aid}. */
  public static CommandAPDU select(byte[] aid) {
    return new CommandAPDU(0x00, 0xA4, 0x04, 0x00, aid);
  }

  /**
   * READ BINARY of the application's file from {@code offset}: the first read names the file by
   * its short identifier, the next ones read the file it made current.
   */
  public static CommandAPDU read(int offset) {
    if (offset == 0) {
      return new CommandAPDU(0x00, 0xB0, 0x80 | SHORT_FILE_ID, 0x00, CHUNK);
    }
    if (offset > 0x7FFF) {
      throw new VitaleFormatException("a card file is longer than READ BINARY can address");
    }
    return new CommandAPDU(0x00, 0xB0, offset >> 8, offset & 0xFF, CHUNK);
  }

  /**
   * Decodes the two files into the card's beneficiaries and kind.
   *
   * @throws VitaleFormatException when either file is truncated, garbled, lists a different number
   *     of beneficiaries than the other, or lists none
   */
  public static VitaleCardContent decode(byte[] identityFile, byte[] nirFile) {
    List<Map<Integer, byte[]>> identities = new ArrayList<>();
    for (Tlv tlv : Tlv.parse(identityFile, IDENTITY_FILE)) {
      if (tlv.tag() == TAG_BENEFICIARY) {
        identities.add(fields(tlv, IDENTITY_FILE));
      }
    }
    List<Map<Integer, byte[]>> nirs = new ArrayList<>();
    Map<Integer, byte[]> card = Map.of();
    for (Tlv tlv : Tlv.parse(nirFile, NIR_FILE)) {
      if (tlv.tag() == TAG_BENEFICIARY) {
        nirs.add(fields(tlv, NIR_FILE));
      } else if (tlv.tag() == TAG_CARD) {
        card = fields(tlv, NIR_FILE);
      }
    }
    if (identities.isEmpty()) {
      throw new VitaleFormatException("the identity file lists no beneficiary");
    }
    if (identities.size() != nirs.size()) {
      throw new VitaleFormatException(
          "the identity file lists "
              + identities.size()
              + " beneficiaries and the NIR file "
              + nirs.size());
    }
    List<VitaleBeneficiary> beneficiaries = new ArrayList<>();
    for (int i = 0; i < identities.size(); i++) {
      beneficiaries.add(beneficiary(i + 1, identities.get(i), nirs.get(i)));
    }
    return new VitaleCardContent(kind(card), beneficiaries);
  }

  private static VitaleBeneficiary beneficiary(
      int number, Map<Integer, byte[]> identity, Map<Integer, byte[]> nirs) {
    String where = "beneficiary " + number;
    String nir = text(nirs, TAG_NIR, NIR_FILE, where + " NIR", true);
    checkNir(nir, where + " NIR");
    String certified = text(nirs, TAG_CERTIFIED_NIR, NIR_FILE, where + " certified NIR", false);
    if (!certified.isEmpty()) {
      checkNir(certified, where + " certified NIR");
    }
    String birthDate = text(identity, TAG_BIRTH_DATE, IDENTITY_FILE, where + " birth date", true);
    if (!birthDate.matches("[0-9]{8}")) {
      throw new VitaleFormatException(
          "the identity file's " + where + " birth date is not 8 digits (YYYYMMDD)");
    }
    return new VitaleBeneficiary(
        text(identity, TAG_NAME, IDENTITY_FILE, where + " name", true),
        text(identity, TAG_GIVEN, IDENTITY_FILE, where + " first name", true),
        text(identity, TAG_BIRTH_NAME, IDENTITY_FILE, where + " birth name", false),
        birthDate,
        nir.substring(0, 13),
        nir.substring(13),
        certified,
        number(identity, TAG_BIRTH_RANK, where + " birth rank", 1),
        number(identity, TAG_QUALITY, where + " quality", 0));
  }

  private static VitaleCardKind kind(Map<Integer, byte[]> card) {
    byte[] kind = card.get(TAG_CARD_KIND);
    if (kind == null) {
      return VitaleCardKind.PRODUCTION;
    }
    String value = new String(kind, StandardCharsets.US_ASCII);
    return switch (value) {
      case "T" -> VitaleCardKind.TEST;
      case "D" -> VitaleCardKind.DEMO;
      default -> throw new VitaleFormatException("the NIR file's card kind is neither T nor D");
    };
  }

  /** 13 characters (Corsica: 2A or 2B as the department) and the key 97 - (NIR mod 97). */
  private static void checkNir(String nir, String what) {
    if (!nir.matches("[12378][0-9]{4}(?:[0-9]{2}|2A|2B)[0-9]{8}")) {
      throw new VitaleFormatException("the NIR file's " + what + " is not a NIR with its key");
    }
    // Corsica: 2A counts as 19 and 2B as 18 in the key
    String digits = nir.substring(0, 13).replace("2A", "19").replace("2B", "18");
    long key = 97 - Long.parseLong(digits) % 97;
    if (key != Integer.parseInt(nir.substring(13))) {
      throw new VitaleFormatException("the NIR file's " + what + " is not a NIR with its key");
    }
  }

  private static Map<Integer, byte[]> fields(Tlv template, String file) {
    Map<Integer, byte[]> fields = new LinkedHashMap<>();
    for (Tlv field : Tlv.parse(template.value(), file)) {
      fields.putIfAbsent(field.tag(), field.value());
    }
    return fields;
  }

  private static String text(
      Map<Integer, byte[]> fields, int tag, String file, String what, boolean required) {
    byte[] value = fields.get(tag);
    if (value == null) {
      if (required) {
        throw new VitaleFormatException("the " + file + " holds no " + what);
      }
      return "";
    }
    for (byte b : value) {
      int c = b & 0xFF;
      if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
        throw new VitaleFormatException("the " + file + "'s " + what + " holds control bytes");
      }
    }
    String text = new String(value, StandardCharsets.ISO_8859_1).strip();
    if (required && text.isEmpty()) {
      throw new VitaleFormatException("the " + file + "'s " + what + " is empty");
    }
    return text;
  }

  private static int number(Map<Integer, byte[]> fields, int tag, String what, int absent) {
    byte[] value = fields.get(tag);
    if (value == null) {
      return absent;
    }
    String digits = new String(value, StandardCharsets.ISO_8859_1);
    if (!digits.matches("[0-9]{1,2}")) {
      throw new VitaleFormatException("the identity file's " + what + " is not a number");
    }
    return Integer.parseInt(digits);
  }

  /** One BER-TLV object: a one- or two-byte tag, a definite length up to 65535. */
  private record Tlv(int tag, byte[] value) {
    static List<Tlv> parse(byte[] data, String file) {
      List<Tlv> objects = new ArrayList<>();
      int at = 0;
      while (at < data.length) {
        int tag = data[at] & 0xFF;
        if (tag == 0x00 || tag == 0xFF) {
          for (int i = at; i < data.length; i++) { // padding up to the end of the file
            if (data[i] != data[at]) {
              throw new VitaleFormatException("the " + file + " holds data after its padding");
            }
          }
          break;
        }
        int start = at;
        at++;
        if ((tag & 0x1F) == 0x1F) {
          need(data, at, 1, file, start);
          tag = (tag << 8) | (data[at++] & 0xFF);
        }
        need(data, at, 1, file, start);
        int length = data[at++] & 0xFF;
        if (length == 0x81 || length == 0x82) {
          int bytes = length - 0x80;
          need(data, at, bytes, file, start);
          length = 0;
          for (int i = 0; i < bytes; i++) {
            length = (length << 8) | (data[at++] & 0xFF);
          }
        } else if (length > 0x7F) {
          throw new VitaleFormatException(
              "the " + file + " has an object at offset " + start + " with an invalid length");
        }
        need(data, at, length, file, start);
        byte[] value = new byte[length];
        System.arraycopy(data, at, value, 0, length);
        objects.add(new Tlv(tag, value));
        at += length;
      }
      return objects;
    }

    private static void need(byte[] data, int at, int count, String file, int start) {
      if (at + count > data.length) {
        throw new VitaleFormatException(
            "the " + file + " is truncated: the object at offset " + start + " runs past its end");
      }
    }
  }
}
