package org.libreconnect.simulation.card;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulation.identity.PracticeLocation;

/**
 * The holder data files of the simulated card, encoded as BER-TLV (layout in {@code
 * docs/simulated-card.md}) and decoded back into a {@link CpsIdentity}.
 */
public final class CpsCardData {
  /** Template of {@code CPS_INFO_PS} (file D001). */
  public static final int TAG_INFO = 0xE1;

  /** Template of the card file (D003): serial, validity, type. */
  public static final int TAG_CARD = 0xE2;

  /** Template of {@code CPS_ACTIVITY_nn_PS} (files D011..D013). */
  public static final int TAG_ACTIVITY = 0xEE;

  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private CpsCardData() {}

  /**
   * {@code CPS_INFO_PS}: {@code E1 {80 PS_IdNat, 81 id type, 82 name, 83 given, 84..88 profession
   * and specialty}}.
   */
  public static byte[] info(CpsIdentity identity) {
    return new BerTlv()
        .add(0x80, identity.psIdNat())
        .add(0x81, new byte[] {(byte) identity.internalIdType()})
        .add(0x82, identity.name())
        .add(0x83, identity.given())
        .add(0x84, identity.professionCode())
        .add(0x85, identity.professionOid())
        .add(0x86, identity.professionLabel())
        .add(0x87, identity.specialtyCode())
        .add(0x88, identity.specialtyLabel())
        .wrap(TAG_INFO);
  }

  /** The card file: {@code E2 {80 serial, 81 last valid day YYYYMMDD, 82 CPx type}}. */
  public static byte[] card(CpsIdentity identity, LocalDate validUntil) {
    return new BerTlv()
        .add(0x80, identity.cardSerialNumber())
        .add(0x81, validUntil.format(DATE))
        .add(0x82, new byte[] {(byte) identity.cpxType()})
        .wrap(TAG_CARD);
  }

  /**
   * {@code CPS_ACTIVITY_nn_PS}: {@code EE {84 raison sociale, 85 Struct_IdNat, 86 sector, 87
   * setting}}.
   */
  public static byte[] activity(PracticeLocation location) {
    return new BerTlv()
        .add(0x84, location.name())
        .add(0x85, location.structureId())
        .add(0x86, location.activitySector())
        .add(0x87, location.healthcareSetting())
        .wrap(TAG_ACTIVITY);
  }

  /**
   * The identity stored in the three kinds of file.
   *
   * @throws IllegalArgumentException when a file is malformed or lacks a field
   */
  public static CpsIdentity decode(byte[] info, byte[] card, List<byte[]> activities) {
    Map<Integer, byte[]> i = BerTlv.read(info, TAG_INFO);
    Map<Integer, byte[]> c = BerTlv.read(card, TAG_CARD);
    List<PracticeLocation> locations = new ArrayList<>();
    for (byte[] activity : activities) {
      Map<Integer, byte[]> a = BerTlv.read(activity, TAG_ACTIVITY);
      locations.add(
          new PracticeLocation(text(a, 0x84), text(a, 0x85), text(a, 0x86), text(a, 0x87)));
    }
    return new CpsIdentity(
        text(i, 0x80),
        number(i, 0x81),
        text(i, 0x82),
        text(i, 0x83),
        text(i, 0x84),
        text(i, 0x85),
        text(i, 0x86),
        text(i, 0x87),
        text(i, 0x88),
        locations,
        text(c, 0x80),
        LocalDate.parse(text(c, 0x81), DATE),
        number(c, 0x82));
  }

  /**
   * The card file alone (D003), readable without the PIN: what a host checks before asking for
   * one.
   *
   * @param serialNumber the card's serial number
   * @param validUntil its last valid day
   * @param cpxType 1 CPS, 2 CPF, 3 CPE, 4 CPA
   */
  public record CardFile(String serialNumber, LocalDate validUntil, int cpxType) {}

  /**
   * The content of the card file {@code card}.
   *
   * @throws IllegalArgumentException when it is malformed or lacks a field
   */
  public static CardFile decodeCard(byte[] card) {
    Map<Integer, byte[]> c = BerTlv.read(card, TAG_CARD);
    return new CardFile(text(c, 0x80), LocalDate.parse(text(c, 0x81), DATE), number(c, 0x82));
  }

  private static byte[] field(Map<Integer, byte[]> values, int tag) {
    byte[] value = values.get(tag);
    if (value == null) {
      throw new IllegalArgumentException(String.format("tag %02X is missing", tag));
    }
    return value;
  }

  private static String text(Map<Integer, byte[]> values, int tag) {
    return new String(field(values, tag), StandardCharsets.UTF_8);
  }

  private static int number(Map<Integer, byte[]> values, int tag) {
    byte[] value = field(values, tag);
    if (value.length != 1) {
      throw new IllegalArgumentException(String.format("tag %02X is not one byte", tag));
    }
    return value[0] & 0xFF;
  }
}
