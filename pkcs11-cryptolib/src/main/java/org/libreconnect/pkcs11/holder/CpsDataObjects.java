package org.libreconnect.pkcs11.holder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libreconnect.pkcs11.direct.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the CPS card's data objects as the Cryptolib exposes them (dmp.md §4.3, field
 * observations, not an official specification): {@code CPS_INFO_PS} (public) ends with the
 * specialty code; {@code CPS_ACTIVITY_01_PS} … {@code _15_PS} (private) each hold one practice
 * location, BER-TLV {@code EE { 84 raison sociale, 85 Struct_IdNat, 86 activity sector }}. A
 * malformed activity object is skipped and logged by its label only.
 */
public final class CpsDataObjects {
  private static final Logger log = LoggerFactory.getLogger(CpsDataObjects.class);
  /** Label of the public identity object. */
  public static final String INFO_LABEL = "CPS_INFO_PS";
  private static final Pattern ACTIVITY_LABEL = Pattern.compile("CPS_ACTIVITY_(\\d{2})_PS");
  private static final Pattern SPECIALTY = Pattern.compile("[A-Z]{2}[0-9A-Z]{2}");
  private static final int ACTIVITY_TEMPLATE = 0xEE;
  private static final int TAG_NAME = 0x84;
  private static final int TAG_STRUCTURE = 0x85;
  private static final int TAG_SECTOR = 0x86;
  private static final int TAG_SETTING = 0x87;

  private CpsDataObjects() {}

  /** Whether {@code label} names one of the CPS data objects read here. */
  public static boolean isCpsLabel(String label) {
    return INFO_LABEL.equals(label) || ACTIVITY_LABEL.matcher(label).matches();
  }

  /** The practice locations in {@code objects}, by activity number. */
  public static List<CpsPracticeLocation> practiceLocations(List<DataObject> objects) {
    record Numbered(int number, CpsPracticeLocation location) {}
    List<Numbered> found = new ArrayList<>();
    for (DataObject object : objects) {
      Matcher label = ACTIVITY_LABEL.matcher(object.label());
      if (!label.matches()) {
        continue;
      }
      try {
        found.add(new Numbered(Integer.parseInt(label.group(1)), activity(object.value())));
      } catch (IllegalArgumentException e) {
        log.warn("card.data.malformed label={} reason={}", object.label(), e.getMessage());
      }
    }
    found.sort(Comparator.comparingInt(Numbered::number));
    return found.stream().map(Numbered::location).toList();
  }

  /** The specialty code at the end of {@code CPS_INFO_PS}, when it looks like one (such as {@code SM26}). */
  public static Optional<String> specialty(List<DataObject> objects) {
    for (DataObject object : objects) {
      if (INFO_LABEL.equals(object.label())) {
        String text = new String(object.value(), StandardCharsets.UTF_8).strip();
        if (text.length() >= 4 && SPECIALTY.matcher(text.substring(text.length() - 4)).matches()) {
          return Optional.of(text.substring(text.length() - 4));
        }
      }
    }
    return Optional.empty();
  }

  /** One {@code CPS_ACTIVITY_nn_PS} value. */
  static CpsPracticeLocation activity(byte[] value) {
    Tlv.Reader outer = new Tlv.Reader(value);
    Tlv template = outer.next();
    if (template.tag() != ACTIVITY_TEMPLATE) {
      throw new IllegalArgumentException("template tag " + Integer.toHexString(template.tag()) + ", expected ee");
    }
    String name = "";
    String structure = "";
    String sector = "";
    String setting = "";
    Tlv.Reader inner = new Tlv.Reader(template.value());
    while (inner.hasNext()) {
      Tlv field = inner.next();
      String text = new String(field.value(), StandardCharsets.UTF_8).strip();
      switch (field.tag()) {
        case TAG_NAME -> name = text;
        case TAG_STRUCTURE -> structure = text;
        case TAG_SECTOR -> sector = text;
        case TAG_SETTING -> setting = text;
        default -> { } // fields not used by the connector
      }
    }
    if (structure.isEmpty()) {
      throw new IllegalArgumentException("no Struct_IdNat (tag 85)");
    }
    return new CpsPracticeLocation(name, structure, sector, setting.isEmpty() ? sector : setting);
  }
}
