package org.libreconnect.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulation.identity.PracticeLocation;

/**
 * The holder data objects of a CPS card as the Cryptolib shows them over PKCS#11 ({@code
 * CKO_DATA}, application {@code CPS}; docs/cryptolib.md): the public {@code CPS_INFO_PS} and one
 * private {@code CPS_ACTIVITY_nn_PS} per practice location, numbered from 01 in card order.
 */
final class CardDataObjects {
  static final String APPLICATION = "CPS";
  static final String INFO_LABEL = "CPS_INFO_PS";

  private static final int ACTIVITY = 0xEE;
  private static final int STRUCTURE_NAME = 0x84;
  private static final int STRUCTURE_ID = 0x85;
  private static final int ACTIVITY_SECTOR = 0x86;

  private CardDataObjects() {}

  /** {@code CPS_ACTIVITY_01_PS} for {@code number} 1, and so on. */
  static String activityLabel(int number) {
    return String.format("CPS_ACTIVITY_%02d_PS", number);
  }

  /**
   * {@code CPS_INFO_PS}: UTF-8 text whose last four characters are the specialty code. ANS does
   * not publish the other fields; they are joined by '|' here, the specialty code last.
   */
  static byte[] info(CpsIdentity identity) {
    return String.join("|", identity.psIdNat(), identity.name(), identity.given(), identity.professionCode(),
        identity.cardSerialNumber(), identity.specialtyCode()).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code CPS_ACTIVITY_nn_PS}: BER-TLV {@code EE { 84 raison sociale, 85 Struct_IdNat, 86
   * activity sector }}, as reported from real cards.
   */
  static byte[] activity(PracticeLocation location) {
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    tlv(inner, STRUCTURE_NAME, location.name().getBytes(StandardCharsets.UTF_8));
    tlv(inner, STRUCTURE_ID, location.structureId().getBytes(StandardCharsets.UTF_8));
    tlv(inner, ACTIVITY_SECTOR, location.activitySector().getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream outer = new ByteArrayOutputStream();
    tlv(outer, ACTIVITY, inner.toByteArray());
    return outer.toByteArray();
  }

  /** One tag-length-value with a one-byte tag; the length in BER short or long form. */
  private static void tlv(ByteArrayOutputStream out, int tag, byte[] value) {
    out.write(tag);
    if (value.length < 0x80) {
      out.write(value.length);
    } else if (value.length <= 0xFF) {
      out.write(0x81);
      out.write(value.length);
    } else {
      out.write(0x82);
      out.write(value.length >> 8);
      out.write(value.length & 0xFF);
    }
    out.writeBytes(value);
  }
}
