package org.libreconnect.simulator.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PivAppletTest {
  private static final byte[] MESSAGE = "VIHF à signer".getBytes(StandardCharsets.UTF_8);
  private static CardFixture fixture;
  private SimulatedCard card;
  private Apdus apdus;

  @BeforeAll
  static void generatePki() {
    fixture = new CardFixture();
  }

  @BeforeEach
  void freshCard() {
    card = fixture.newCard();
    apdus = new Apdus(card::transmit);
  }

  @Test
  void selectByTheNineBytePivAidAnswersTheApplicationPropertyTemplate() {
    ResponseAPDU select = apdus.selectPiv();
    assertThat(select.getSW()).isEqualTo(0x9000);
    assertThat(HexFormat.of().formatHex(select.getData()))
        .isEqualTo("6111" + "4f06000010000100" + "7907" + "4f05a000000308");
  }

  @Test
  void discoveryAndChuid() {
    apdus.selectPiv();
    ResponseAPDU discovery = getData("7E");
    assertThat(discovery.getSW()).isEqualTo(0x9000);
    assertThat(discovery.getData())
        .startsWith(0x7E, 0x12, 0x4F, 0x0B)
        .endsWith(0x5F, 0x2F, 0x02, 0x40, 0x00);

    ResponseAPDU chuid = getData("5FC102");
    assertThat(chuid.getSW()).isEqualTo(0x9000);
    byte[] data = chuid.getData();
    assertThat(data[0]).isEqualTo((byte) 0x53);
    assertThat(HexFormat.of().formatHex(data))
        .contains(
            "3019",
            "3410" + HexFormat.of().formatHex(PivChuid.guid(fixture.identity.cardSerialNumber())));
  }

  @Test
  void certificateContainersHoldTheCardCertificates() throws Exception {
    apdus.selectPiv();
    assertThat(certificateIn(getDataAll("5FC105")))
        .isEqualTo(fixture.credentials.authenticationCertificate().getEncoded());
    assertThat(certificateIn(getDataAll("5FC10A")))
        .isEqualTo(fixture.credentials.signatureCertificate().getEncoded());
    assertThat(getData("5FC107").getSW()).as("CCC").isEqualTo(0x6A82);
    assertThat(getData("5FC101").getSW()).as("card authentication certificate").isEqualTo(0x6A82);
  }

  @Test
  void shortLeGivesTheFirstBytesAnd61xx() {
    apdus.selectPiv();
    ResponseAPDU head =
        apdus.send(
            new CommandAPDU(0x00, 0xCB, 0x3F, 0xFF, HexFormat.of().parseHex("5C035FC105"), 8));
    assertThat(head.getSW1()).isEqualTo(0x61);
    assertThat(head.getData()).hasSize(8).startsWith(0x53, 0x82);
  }

  @Test
  void generalAuthenticateSignsWith9aAnd9cAfterThePivPin() throws Exception {
    apdus.selectPiv();
    assertThat(generalAuthenticate(0x9A).getSW()).isEqualTo(0x6982);
    assertThat(pivVerify("1234").getSW()).isEqualTo(0x9000);
    byte[] authentication = signatureIn(generalAuthenticate(0x9A));
    byte[] signature = signatureIn(generalAuthenticate(0x9C));
    assertThat(
            CpsAppletTest.verifies(fixture.credentials.authenticationCertificate(), authentication))
        .isTrue();
    assertThat(CpsAppletTest.verifies(fixture.credentials.signatureCertificate(), signature))
        .isTrue();
    assertThat(rawPublic(fixture.credentials.signatureCertificate(), signature))
        .isEqualTo(Apdus.pkcs1Sha256Block(MESSAGE));
  }

  @Test
  void pivAndCpsShareOnePinAndOneCounter() {
    apdus.selectPiv();
    assertThat(pivVerify("0000").getSW()).isEqualTo(0x63C2);
    assertThat(apdus.send(new CommandAPDU(0x00, 0x20, 0x00, 0x80)).getSW()).isEqualTo(0x63C2);
    apdus.selectCps();
    assertThat(apdus.pinStatus()).containsExactly(2, 3, 0);
    assertThat(apdus.verify("0000").getSW()).isEqualTo(0x63C1);
    apdus.selectPiv();
    assertThat(pivVerify("0000").getSW()).isEqualTo(0x63C0);
    assertThat(pivVerify("1234").getSW()).isEqualTo(0x6983);
    apdus.selectCps();
    assertThat(apdus.verify("1234").getSW()).isEqualTo(0x6983);
  }

  @Test
  void pinVerifiedOnTheCpsSideServesPivSigning() throws Exception {
    apdus.selectCps();
    Apdus.check(apdus.verify("1234"), "VERIFY");
    apdus.selectPiv();
    assertThat(apdus.send(new CommandAPDU(0x00, 0x20, 0x00, 0x80)).getSW()).isEqualTo(0x9000);
    assertThat(generalAuthenticate(0x9A).getSW()).isEqualTo(0x9000);
    assertThat(apdus.send(new CommandAPDU(0x00, 0x20, 0xFF, 0x80)).getSW()).isEqualTo(0x9000);
    assertThat(generalAuthenticate(0x9A).getSW()).as("after PIV logout").isEqualTo(0x6982);
  }

  @Test
  void unsupportedKeysAndAlgorithms() {
    apdus.selectPiv();
    pivVerify("1234");
    assertThat(apdus.send(new CommandAPDU(0x00, 0x87, 0x07, 0x9D, new byte[] {0x7C, 0x00})).getSW())
        .isEqualTo(0x6A86);
    assertThat(apdus.send(new CommandAPDU(0x00, 0x87, 0x11, 0x9A, new byte[] {0x7C, 0x00})).getSW())
        .isEqualTo(0x6A86);
    assertThat(
            apdus
                .send(new CommandAPDU(0x00, 0x47, 0x00, 0x9A, new byte[] {(byte) 0xAC, 0x00}))
                .getSW())
        .as("no key generation")
        .isEqualTo(0x6D00);
  }

  private ResponseAPDU pivVerify(String pin) {
    byte[] padded = new byte[8];
    Arrays.fill(padded, (byte) 0xFF);
    byte[] digits = pin.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(digits, 0, padded, 0, digits.length);
    return apdus.send(new CommandAPDU(0x00, 0x20, 0x00, 0x80, padded));
  }

  private ResponseAPDU getData(String tagHex) {
    byte[] tag = HexFormat.of().parseHex(tagHex);
    byte[] data = new byte[2 + tag.length];
    data[0] = 0x5C;
    data[1] = (byte) tag.length;
    System.arraycopy(tag, 0, data, 2, tag.length);
    return apdus.send(new CommandAPDU(0x00, 0xCB, 0x3F, 0xFF, data, 256));
  }

  private byte[] getDataAll(String tagHex) {
    byte[] tag = HexFormat.of().parseHex(tagHex);
    byte[] data = new byte[2 + tag.length];
    data[0] = 0x5C;
    data[1] = (byte) tag.length;
    System.arraycopy(tag, 0, data, 2, tag.length);
    ResponseAPDU response =
        apdus.sendCollecting(new CommandAPDU(0x00, 0xCB, 0x3F, 0xFF, data, 256));
    assertThat(response.getSW()).isEqualTo(0x9000);
    return response.getData();
  }

  /** {@code 7C{82 00, 81 <block>}} sent as OpenSC does: chained, 255 bytes then the rest. */
  private ResponseAPDU generalAuthenticate(int key) {
    ByteArrayOutputStream template = new ByteArrayOutputStream();
    template.writeBytes(HexFormat.of().parseHex("7C820106" + "8200" + "81820100"));
    template.writeBytes(Apdus.pkcs1Sha256Block(MESSAGE));
    byte[] data = template.toByteArray();
    ResponseAPDU first =
        apdus.send(new CommandAPDU(0x10, 0x87, 0x07, key, Arrays.copyOf(data, 255)));
    if (first.getSW() != 0x9000) {
      return first;
    }
    return apdus.sendCollecting(
        new CommandAPDU(0x00, 0x87, 0x07, key, Arrays.copyOfRange(data, 255, data.length), 256));
  }

  private static byte[] signatureIn(ResponseAPDU response) {
    assertThat(response.getSW()).isEqualTo(0x9000);
    byte[] data = response.getData();
    assertThat(Arrays.copyOf(data, 8))
        .containsExactly(0x7C, 0x82, 0x01, 0x04, 0x82, 0x82, 0x01, 0x00);
    return Arrays.copyOfRange(data, 8, data.length);
  }

  private static byte[] certificateIn(byte[] container) {
    assertThat(container).startsWith(0x53, 0x82);
    assertThat(container[4]).isEqualTo((byte) 0x70);
    int length = ((container[6] & 0xFF) << 8) | (container[7] & 0xFF);
    assertThat(container).endsWith(0x71, 0x01, 0x00, 0xFE, 0x00);
    return Arrays.copyOfRange(container, 8, 8 + length);
  }

  private static byte[] rawPublic(X509Certificate certificate, byte[] signature) {
    RSAPublicKey key = (RSAPublicKey) certificate.getPublicKey();
    byte[] value =
        new BigInteger(1, signature)
            .modPow(key.getPublicExponent(), key.getModulus())
            .toByteArray();
    byte[] block = new byte[256];
    System.arraycopy(
        value,
        Math.max(0, value.length - 256),
        block,
        Math.max(0, 256 - value.length),
        Math.min(256, value.length));
    return block;
  }
}
