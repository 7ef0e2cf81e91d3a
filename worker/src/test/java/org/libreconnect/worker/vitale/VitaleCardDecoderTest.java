package org.libreconnect.worker.vitale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The Vitale card layout, from bytes written by hand in these tests. */
class VitaleCardDecoderTest {

  @Test
  void decodesSeveralBeneficiariesWithAChildAndALunarDate() {
    byte[] identity =
        file(
            beneficiary("BERNARD-ESSAI", "PAUL", "19530712", "BERNARD-ESSAI", "1", "0"),
            beneficiary("BERNARD-ESSAI", "LEO", "20150904", "BERNARD-ESSAI", "1", "6"),
            beneficiary("HAMIDI-ESSAI", "FATIMA", "19480000", "HAMIDI-ESSAI", "1", "1"),
            new byte[16]);
    byte[] nirs =
        file(
            nir("153078987658513", "153078987658513"),
            nir("153078987658513", "115097511200382"),
            nir("153078987658513", "248209935004573"),
            tlv(0x66, tlv(0x80, "20240102"), tlv(0x81, "T")),
            new byte[8]);

    VitaleCardContent content = VitaleCardDecoder.decode(identity, nirs);

    assertThat(content.kind()).isEqualTo(VitaleCardKind.TEST);
    assertThat(content.beneficiaries()).hasSize(3);
    VitaleBeneficiary child = content.beneficiaries().get(1);
    assertThat(child.given()).isEqualTo("LEO");
    assertThat(child.quality()).isEqualTo(6);
    assertThat(child.nirWithKey()).isEqualTo("1530789876585 13");
    assertThat(child.certifiedNirWithKey()).isEqualTo("1150975112003 82");
    VitaleBeneficiary lunar = content.beneficiaries().get(2);
    assertThat(lunar.rawBirthDate()).isEqualTo("19480000");
    assertThat(lunar.birthName()).isEqualTo("HAMIDI-ESSAI");
    assertThat(lunar.quality()).isEqualTo(1);
  }

  @Test
  void aCardWithThePublicFieldsOnlyReadsAsAProductionCardWithDefaults() {
    byte[] identity = file(tlv(0x65, tlv(0x80, "DUPONT"), tlv(0x81, "JEAN"), tlv(0x82, "19600101"),
        tlv(0x90, "FRA")));
    byte[] nirs = file(tlv(0x65, tlv(0x93, "160017512345670")), tlv(0x66, tlv(0x80, "20200101")));
    VitaleCardContent content = VitaleCardDecoder.decode(identity, nirs);
    assertThat(content.kind()).isEqualTo(VitaleCardKind.PRODUCTION);
    VitaleBeneficiary only = content.beneficiaries().get(0);
    assertThat(only.birthName()).isEmpty();
    assertThat(only.certifiedNir()).isEmpty();
    assertThat(only.certifiedNirWithKey()).isEmpty();
    assertThat(only.birthRank()).isEqualTo(1);
    assertThat(only.quality()).isZero();
  }

  @Test
  void readsLatin1NamesAndCorsicanNirs() {
    byte[] identity = file(tlv(0x65, tlv(0x80, "LEFÈVRE".getBytes(StandardCharsets.ISO_8859_1)),
        tlv(0x81, "CHLOÉ".getBytes(StandardCharsets.ISO_8859_1)), tlv(0x82, "19900101")));
    byte[] nirs = file(tlv(0x65, tlv(0x93, "290012A00400113")));
    VitaleBeneficiary b = VitaleCardDecoder.decode(identity, nirs).beneficiaries().get(0);
    assertThat(b.name()).isEqualTo("LEFÈVRE");
    assertThat(b.given()).isEqualTo("CHLOÉ");
    assertThat(b.nirWithKey()).isEqualTo("290012A004001 13");
  }

  @Test
  void aTruncatedFileIsAClearError() {
    byte[] identity = file(beneficiary("BERNARD-ESSAI", "PAUL", "19530712", "BERNARD-ESSAI", "1", "0"));
    byte[] nirs = file(nir("153078987658513", "153078987658513"));
    byte[] truncated = Arrays.copyOf(identity, identity.length - 5);
    assertThatThrownBy(() -> VitaleCardDecoder.decode(truncated, nirs))
        .isInstanceOf(VitaleFormatException.class)
        .hasMessageContaining("identity file is truncated");
  }

  @Test
  void garbledDataIsAClearErrorThatQuotesNoValue() {
    byte[] nirs = file(nir("153078987658513", "153078987658513"));
    byte[] badDate = file(beneficiary("BERNARD-ESSAI", "PAUL", "12/07/53", "BERNARD-ESSAI", "1", "0"));
    assertThatThrownBy(() -> VitaleCardDecoder.decode(badDate, nirs))
        .isInstanceOf(VitaleFormatException.class)
        .hasMessageContaining("birth date is not 8 digits")
        .hasMessageNotContaining("12/07/53");
    byte[] identity = file(beneficiary("BERNARD-ESSAI", "PAUL", "19530712", "BERNARD-ESSAI", "1", "0"));
    byte[] badKey = file(nir("153078987658514", "153078987658513"));
    assertThatThrownBy(() -> VitaleCardDecoder.decode(identity, badKey))
        .hasMessageContaining("beneficiary 1 NIR is not a NIR with its key")
        .hasMessageNotContaining("1530789876585");
    byte[] afterPadding = file(nir("153078987658513", "153078987658513"), new byte[] {0, 0, 0x42});
    assertThatThrownBy(() -> VitaleCardDecoder.decode(identity, afterPadding))
        .hasMessageContaining("data after its padding");
    byte[] control = file(tlv(0x65, tlv(0x80, new byte[] {'A', 0x01}), tlv(0x81, "X"), tlv(0x82, "19530712")));
    assertThatThrownBy(() -> VitaleCardDecoder.decode(control, nirs)).hasMessageContaining("control bytes");
    byte[] badLength = HexFormat.of().parseHex("6585");
    assertThatThrownBy(() -> VitaleCardDecoder.decode(badLength, nirs)).hasMessageContaining("invalid length");
  }

  @Test
  void filesThatDisagreeOrAreEmptyAreClearErrors() {
    byte[] one = file(beneficiary("BERNARD-ESSAI", "PAUL", "19530712", "BERNARD-ESSAI", "1", "0"));
    byte[] twoNirs = file(nir("153078987658513", "153078987658513"), nir("153078987658513", "279035121518989"));
    assertThatThrownBy(() -> VitaleCardDecoder.decode(one, twoNirs))
        .hasMessage("the identity file lists 1 beneficiaries and the NIR file 2");
    assertThatThrownBy(() -> VitaleCardDecoder.decode(new byte[32], new byte[32]))
        .hasMessage("the identity file lists no beneficiary");
    byte[] noName = file(tlv(0x65, tlv(0x81, "PAUL"), tlv(0x82, "19530712")));
    byte[] nirs = file(nir("153078987658513", "153078987658513"));
    assertThatThrownBy(() -> VitaleCardDecoder.decode(noName, nirs))
        .hasMessage("the identity file holds no beneficiary 1 name");
    byte[] unknownKind = file(nir("153078987658513", "153078987658513"), tlv(0x66, tlv(0x81, "Q")));
    assertThatThrownBy(() -> VitaleCardDecoder.decode(one, unknownKind)).hasMessageContaining("card kind");
  }

  @Test
  void readCommandsNameTheFileByItsShortIdentifierThenByOffset() {
    assertThat(HexFormat.of().formatHex(VitaleCardDecoder.read(0).getBytes())).isEqualTo("00b0820000");
    assertThat(HexFormat.of().formatHex(VitaleCardDecoder.read(256).getBytes())).isEqualTo("00b0010000");
    assertThat(HexFormat.of().formatHex(VitaleCardDecoder.select(VitaleCardDecoder.AID_VITALE).getBytes()))
        .isEqualTo("00a404000bd250000002564954414c45");
  }

  private static byte[] beneficiary(
      String name, String given, String birth, String birthName, String rank, String quality) {
    return tlv(0x65, tlv(0x80, name), tlv(0x81, given), tlv(0x82, birth), tlv(0x83, birthName),
        tlv(0x84, rank), tlv(0x85, quality));
  }

  private static byte[] nir(String nir, String certified) {
    return tlv(0x65, tlv(0x93, nir), tlv(0x94, certified));
  }

  static byte[] tlv(int tag, String value) {
    return tlv(tag, value.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] tlv(int tag, byte[]... values) {
    byte[] value = file(values);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    if (value.length > 0x7F) {
      out.write(0x81);
    }
    out.write(value.length);
    out.writeBytes(value);
    return out.toByteArray();
  }

  static byte[] file(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
