package org.libreconnect.simulator.card;

import org.libreconnect.simulation.card.CpsCardLayout;
import org.libreconnect.simulation.card.CpsCardData;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulation.identity.CpsIdentity;

class CpsAppletTest {
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
    ResponseAPDU select = apdus.selectCps();
    assertThat(select.getSW()).isEqualTo(0x9000);
    assertThat(select.getData()).startsWith(0x6F, 0x0C, 0x84, 0x0A).endsWith(CpsCardLayout.cpsAid());
  }

  @Test
  void publicFilesHoldTheHolderAndTheCard() {
    CpsIdentity read =
        CpsCardData.decode(
            apdus.readFile(CpsCardLayout.FID_INFO),
            apdus.readFile(CpsCardLayout.FID_CARD),
            List.of(readPrivateAfterPin(0), readPrivate(1)));
    assertThat(read).isEqualTo(fixture.identity);
  }

  @Test
  void privateFilesAreHiddenUntilThePinIsVerified() {
    assertThat(apdus.selectFile(CpsCardLayout.FID_ACTIVITY_FIRST).getSW()).isEqualTo(0x6982);
    assertThat(apdus.selectFile(CpsCardLayout.FID_ACTIVITY_FIRST + 2).getSW())
        .as("a location the card does not have looks the same before the PIN")
        .isEqualTo(0x6982);
    assertThat(apdus.verify("1234").getSW()).isEqualTo(0x9000);
    assertThat(apdus.selectFile(CpsCardLayout.FID_ACTIVITY_FIRST).getSW()).isEqualTo(0x9000);
    assertThat(apdus.selectFile(CpsCardLayout.FID_ACTIVITY_FIRST + 2).getSW()).isEqualTo(0x6A82);
  }

  @Test
  void readingASelectedPrivateFileFailsAfterLogout() {
    apdus.verify("1234");
    Apdus.check(apdus.selectFile(CpsCardLayout.FID_ACTIVITY_FIRST), "select");
    assertThat(apdus.send(new CommandAPDU(0x00, 0x20, 0xFF, 0x01)).getSW()).isEqualTo(0x9000);
    assertThat(apdus.send(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 16)).getSW()).isEqualTo(0x6982);
  }

  @Test
  void activityFileIsEeTemplateWithRaisonSocialeStructureAndSector() {
    byte[] activity = readPrivateAfterPin(0);
    assertThat(activity[0]).isEqualTo((byte) 0xEE);
    assertThat(new String(activity, StandardCharsets.UTF_8))
        .contains("CABINET DU DR MAX LIBRE", "499900063480001", "SA07");
  }

  @Test
  void certificatesAreReadable() throws Exception {
    assertThat(apdus.readFile(CpsCardLayout.FID_AUTHENTICATION_CERTIFICATE))
        .isEqualTo(fixture.credentials.authenticationCertificate().getEncoded());
    assertThat(apdus.readFile(CpsCardLayout.FID_SIGNATURE_CERTIFICATE))
        .isEqualTo(fixture.credentials.signatureCertificate().getEncoded());
  }

  @Test
  void selectWithFcpGivesTheFileSize() throws Exception {
    ResponseAPDU fcp =
        apdus.send(new CommandAPDU(0x00, 0xA4, 0x02, 0x04, new byte[] {(byte) 0xC0, 0x20}, 256));
    int size = fixture.credentials.authenticationCertificate().getEncoded().length;
    assertThat(fcp.getData()).startsWith(0x62, 0x0B, 0x80, 0x02, size >> 8, size & 0xFF);
  }

  @Test
  void wrongPinsCountDownThenBlock() {
    assertThat(apdus.pinStatusByVerify().getSW()).isEqualTo(0x63C3);
    assertThat(apdus.verify("0000").getSW()).isEqualTo(0x63C2);
    assertThat(apdus.verify("0000").getSW()).isEqualTo(0x63C1);
    assertThat(apdus.pinStatus()).containsExactly(1, 3, 0);
    assertThat(apdus.verify("0000").getSW()).isEqualTo(0x63C0);
    assertThat(apdus.verify("1234").getSW()).as("blocked: even the right PIN").isEqualTo(0x6983);
    assertThat(apdus.pinStatusByVerify().getSW()).isEqualTo(0x6983);
    assertThat(apdus.pinStatus()).containsExactly(0, 3, 0);
    card.reset();
    apdus.selectCps();
    assertThat(apdus.verify("1234").getSW()).as("a reset does not unblock").isEqualTo(0x6983);
  }

  @Test
  void rightPinRestoresTheTriesWhenNotBlocked() {
    assertThat(apdus.verify("4321").getSW()).isEqualTo(0x63C2);
    assertThat(apdus.verify("9999").getSW()).isEqualTo(0x63C1);
    assertThat(apdus.verify("1234").getSW()).isEqualTo(0x9000);
    assertThat(apdus.pinStatus()).containsExactly(3, 3, 1);
    assertThat(apdus.pinStatusByVerify().getSW()).isEqualTo(0x9000);
  }

  @Test
  void malformedPinIsRefusedWithoutCostingATry() {
    assertThat(apdus.verify("12a4").getSW()).isEqualTo(0x6A80);
    assertThat(apdus.verify("123").getSW()).isEqualTo(0x6A80);
    assertThat(apdus.pinStatus()).containsExactly(3, 3, 0);
  }

  @Test
  void bothKeysSignAndEachMatchesItsCertificate() throws Exception {
    apdus.verify("1234");
    assertThat(apdus.selectKey(CpsCardLayout.KEY_AUTHENTICATION).getSW()).isEqualTo(0x9000);
    byte[] authentication = signed(apdus.signSha256(MESSAGE));
    assertThat(apdus.selectKey(CpsCardLayout.KEY_SIGNATURE).getSW()).isEqualTo(0x9000);
    byte[] signature = signed(apdus.signSha256Chained(MESSAGE));

    X509Certificate authenticationCertificate = fixture.credentials.authenticationCertificate();
    X509Certificate signatureCertificate = fixture.credentials.signatureCertificate();
    assertThat(verifies(authenticationCertificate, authentication)).isTrue();
    assertThat(verifies(signatureCertificate, signature)).isTrue();
    assertThat(verifies(signatureCertificate, authentication)).isFalse();
    assertThat(verifies(authenticationCertificate, signature)).isFalse();
  }

  @Test
  void signatureWithLeadingZeroBytesKeepsTheModulusLength() throws Exception {
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) fixture.credentials.signatureKeys().getPrivate();
    byte[] message = null;
    for (int i = 0; message == null; i++) {
      byte[] candidate = ("message " + i).getBytes(StandardCharsets.UTF_8);
      BigInteger raw =
          new BigInteger(1, Apdus.pkcs1Sha256Block(candidate))
              .modPow(key.getPrivateExponent(), key.getModulus());
      if (raw.bitLength() <= 2040) {
        message = candidate;
      }
    }
    apdus.verify("1234");
    apdus.selectKey(CpsCardLayout.KEY_SIGNATURE);
    byte[] signature = signed(apdus.signSha256(message));
    assertThat(signature[0]).isZero();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(fixture.credentials.signatureCertificate().getPublicKey());
    verifier.update(message);
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void signingNeedsThePinAndAKey() {
    apdus.selectKey(CpsCardLayout.KEY_SIGNATURE);
    assertThat(apdus.signSha256(MESSAGE).getSW()).isEqualTo(0x6982);
    apdus.verify("1234");
    card.reset();
    apdus.selectCps();
    apdus.selectKey(CpsCardLayout.KEY_SIGNATURE);
    assertThat(apdus.signSha256(MESSAGE).getSW()).as("a reset forgets the PIN").isEqualTo(0x6982);
    apdus.verify("1234");
    apdus.selectCps();
    assertThat(apdus.signSha256(MESSAGE).getSW()).as("no key selected").isEqualTo(0x6985);
    assertThat(apdus.selectKey((byte) 0x30).getSW()).isEqualTo(0x6A80);
  }

  @Test
  void signingRejectsBlocksOfTheWrongLength() {
    apdus.verify("1234");
    apdus.selectKey(CpsCardLayout.KEY_AUTHENTICATION);
    assertThat(apdus.send(new CommandAPDU(0x00, 0x2A, 0x9E, 0x9A, new byte[32], 256)).getSW())
        .isEqualTo(0x6700);
  }

  @Test
  void personalisationIsClosed() {
    ResponseAPDU response =
        apdus.send(new CommandAPDU(0x80, 0xDA, 0xD0, 0x01, new byte[] {(byte) 0xE1, 0x00}));
    assertThat(response.getSW()).isEqualTo(0x6985);
    assertThat(
            apdus
                .send(
                    new CommandAPDU(
                        0x80, 0xF1, 0x00, 0x00, "0000".getBytes(StandardCharsets.US_ASCII)))
                .getSW())
        .isEqualTo(0x6985);
  }

  @Test
  void unknownFileAndInstruction() {
    assertThat(apdus.selectFile(0x1234).getSW()).isEqualTo(0x6A82);
    assertThat(apdus.send(new CommandAPDU(0x00, 0x44, 0x00, 0x00)).getSW()).isEqualTo(0x6D00);
  }

  @Test
  void customPinIsHonoured() {
    SimulatedCard other =
        SimulatedCard.create(fixture.identity, fixture.credentials, "87654321".toCharArray());
    Apdus otherApdus = new Apdus(other::transmit);
    otherApdus.selectCps();
    assertThat(otherApdus.verify("1234").getSW()).isEqualTo(0x63C2);
    assertThat(otherApdus.verify("87654321").getSW()).isEqualTo(0x9000);
  }

  private byte[] readPrivateAfterPin(int index) {
    Apdus.check(apdus.verify("1234"), "VERIFY");
    return readPrivate(index);
  }

  private byte[] readPrivate(int index) {
    return apdus.readFile(CpsCardLayout.FID_ACTIVITY_FIRST + index);
  }

  private static byte[] signed(ResponseAPDU response) {
    assertThat(response.getSW()).isEqualTo(0x9000);
    assertThat(response.getData()).hasSize(256);
    return response.getData();
  }

  static boolean verifies(X509Certificate certificate, byte[] signature) throws Exception {
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(MESSAGE);
    return verifier.verify(signature);
  }
}
