package org.libreconnect.pkcs11.holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.libreconnect.pkcs11.direct.DataObject;

class CpsDataObjectsTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void anActivityObjectGivesNameStructureAndSector() {
    // EE { 84 "CAB", 85 "4999", 86 "SA07" }
    byte[] value = HEX.parseHex("ee11" + "8403434142" + "850434393939" + "860453413037");

    assertThat(CpsDataObjects.activity(value)).isEqualTo(new CpsPracticeLocation("CAB", "4999", "SA07", "SA07"));
  }

  @Test
  void theHealthcareSettingTagIsUsedWhenPresentAndPaddingIsIgnored() {
    byte[] value = activity(new String[][] {{"84", "CABINET"}, {"85", "499900063480001"}, {"86", "SA07"},
        {"87", "SA08"}, {"99", "ignored"}}, 40);

    assertThat(CpsDataObjects.activity(value))
        .isEqualTo(new CpsPracticeLocation("CABINET", "499900063480001", "SA07", "SA08"));
  }

  @Test
  void longFormLengthsAreRead() {
    String longName = "C".repeat(200);
    byte[] value = activity(new String[][] {{"84", longName}, {"85", "1"}, {"86", "SA01"}}, 0);

    assertThat(CpsDataObjects.activity(value).name()).isEqualTo(longName);
  }

  @Test
  void malformedActivitiesAreRefused() {
    assertThatThrownBy(() -> CpsDataObjects.activity(HEX.parseHex("e10384014e")))
        .hasMessageContaining("expected ee");
    assertThatThrownBy(() -> CpsDataObjects.activity(HEX.parseHex("ee05840341")))
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> CpsDataObjects.activity(activity(new String[][] {{"84", "X"}}, 0)))
        .hasMessageContaining("Struct_IdNat");
    assertThatThrownBy(() -> CpsDataObjects.activity(new byte[0])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void locationsAreOrderedByActivityNumberAndBadOnesSkipped() {
    List<DataObject> objects = List.of(
        new DataObject("CPS_ACTIVITY_02_PS", "CPS", activity(new String[][] {{"84", "B"}, {"85", "2"}, {"86", "SA01"}}, 0)),
        new DataObject("CPS_INFO_PS", "CPS", "x".getBytes(StandardCharsets.UTF_8)),
        new DataObject("CPS_ACTIVITY_03_PS", "CPS", HEX.parseHex("0102")),
        new DataObject("CPS_ACTIVITY_01_PS", "CPS", activity(new String[][] {{"84", "A"}, {"85", "1"}, {"86", "SA07"}}, 0)));

    assertThat(CpsDataObjects.practiceLocations(objects)).extracting(CpsPracticeLocation::structureId)
        .containsExactly("1", "2");
  }

  @Test
  void theSpecialtyIsTheLastFourCharactersOfTheInfoObject() {
    assertThat(CpsDataObjects.specialty(List.of(info("899900063480|LIBRE|MAX|10|8000123456|SM26  "))))
        .contains("SM26");
    assertThat(CpsDataObjects.specialty(List.of(info("89990006348")))).as("not a specialty code").isEmpty();
    assertThat(CpsDataObjects.specialty(List.of(info("SM")))).isEmpty();
    assertThat(CpsDataObjects.specialty(List.of())).isEmpty();
  }

  @Test
  void onlyCpsLabelsAreSelected() {
    assertThat(CpsDataObjects.isCpsLabel("CPS_INFO_PS")).isTrue();
    assertThat(CpsDataObjects.isCpsLabel("CPS_ACTIVITY_15_PS")).isTrue();
    assertThat(CpsDataObjects.isCpsLabel("CPS_ACTIVITY_1_PS")).isFalse();
    assertThat(CpsDataObjects.isCpsLabel("Card Holder Unique Identifier")).isFalse();
  }

  private static DataObject info(String text) {
    return new DataObject("CPS_INFO_PS", "CPS", text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code EE { fields }} followed by {@code padding} 0xFF bytes, as a card file may be. */
  private static byte[] activity(String[][] fields, int padding) {
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    for (String[] field : fields) {
      tlv(inner, Integer.parseInt(field[0], 16), field[1].getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream outer = new ByteArrayOutputStream();
    tlv(outer, 0xEE, inner.toByteArray());
    for (int i = 0; i < padding; i++) {
      outer.write(0xFF);
    }
    return outer.toByteArray();
  }

  private static void tlv(ByteArrayOutputStream out, int tag, byte[] value) {
    out.write(tag);
    if (value.length > 0xFF) {
      out.write(0x82);
      out.write(value.length >> 8);
      out.write(value.length & 0xFF);
    } else if (value.length > 0x7F) {
      out.write(0x81);
      out.write(value.length);
    } else {
      out.write(value.length);
    }
    out.writeBytes(value);
  }
}
