package org.libreconnect.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.pkcs11.exceptions.CardException;
import org.libreconnect.pkcs11.exceptions.NotLoggedInException;
import org.libreconnect.pkcs11.exceptions.PinIncorrectException;
import org.libreconnect.pkcs11.holder.CpsHolder;
import org.libreconnect.pkcs11.holder.CpsPracticeLocation;
import org.libreconnect.pkcs11.holder.HolderSource;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulation.identity.PracticeLocation;
import org.libreconnect.simulator.pki.TestPki;

/** A simulated CPS card on SoftHSM2: PIN handling, key pairs, signatures, holder data, reopen. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CpsTokenIT {
  private static final byte[] DATA = "<VIHF>assertion to sign</VIHF>".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path work;
  static SoftHsmFixture hsm;
  static long slot;
  static CpsIdentity doctor;
  static CardCredentials card;

  CpsToken token;

  @BeforeAll
  static void provision() throws Exception {
    doctor = CpsIdentity.testDoctor();
    card = TestPki.generate().issueCard(doctor);
    hsm = SoftHsmFixture.create(work);
    slot = hsm.initToken("Lecteur CPS 0");
    hsm.provision(slot, card, doctor, true);
  }

  @BeforeEach
  void open() {
    token = CpsToken.open(Pkcs11Module.load(hsm.settings(SlotSelection.slotId(slot))));
  }

  @AfterEach
  void close() {
    token.close();
  }

  @Test
  void theRightPinOpensBothKeyPairsAndIsWiped() {
    char[] pin = SoftHsmFixture.USER_PIN.toCharArray();

    token.login(pin);

    assertThat(pin).containsOnly('\0');
    assertThat(token.isLoggedIn()).isTrue();
    assertThat(token.authenticationCertificate()).isEqualTo(card.authenticationCertificate());
    assertThat(token.signatureCertificate()).isEqualTo(card.signatureCertificate());
    assertThat(token.authenticationChain()).containsExactly(card.authenticationCertificate(), card.chain().get(0));
    assertThat(token.authenticationKey()).isNotInstanceOf(RSAPrivateCrtKey.class);
    assertThat(token.authenticationKey().getEncoded()).as("a sensitive key never leaves the token").isNull();
    assertThat(token.signatureKey().getEncoded()).isNull();
  }

  @Test
  void aWrongPinIsRefusedWipedAndNeverRepeated() {
    char[] pin = "9876".toCharArray();

    assertThatThrownBy(() -> token.login(pin))
        .isInstanceOf(PinIncorrectException.class)
        .hasMessageContaining("CKR_PIN_INCORRECT")
        .hasMessageNotContaining("9876")
        .satisfies(e -> {
          assertThat(((CardException) e).code()).isEqualTo("PIN_INCORRECT");
          assertThat(((PinIncorrectException) e).triesLeft()).as("SunPKCS11 hides the counter").isEmpty();
        });
    assertThat(pin).containsOnly('\0');
    assertThat(token.isLoggedIn()).isFalse();

    token.login(SoftHsmFixture.USER_PIN.toCharArray());
    assertThat(token.isLoggedIn()).isTrue();
  }

  @Test
  void aWrongPinAfterASuccessfulLoginIsStillCheckedByTheCard() {
    token.login(SoftHsmFixture.USER_PIN.toCharArray());

    assertThatThrownBy(() -> token.login("0000".toCharArray())).isInstanceOf(PinIncorrectException.class);
    assertThat(token.isLoggedIn()).isFalse();
    assertThatThrownBy(() -> token.sign(DATA, DigestAlgorithm.SHA_256)).isInstanceOf(NotLoggedInException.class);
  }

  /** SoftHSM2 keeps no PIN retry counter: it never answers CKR_PIN_LOCKED (locking is for the OpenSC card). */
  @Test
  void softHsmHasNoRetryCounterSoWrongPinsNeverBlockIt() {
    for (int attempt = 0; attempt < 6; attempt++) {
      assertThatThrownBy(() -> token.login("1111".toCharArray())).isInstanceOf(PinIncorrectException.class);
    }
    token.login(SoftHsmFixture.USER_PIN.toCharArray());
    assertThat(token.isLoggedIn()).isTrue();
  }

  @Test
  void theSignatureKeySignsSha256WithRsaPkcs1ThatTheCertificateVerifies() throws Exception {
    token.login(SoftHsmFixture.USER_PIN.toCharArray());

    byte[] signature = token.sign(DATA, DigestAlgorithm.SHA_256);

    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(card.signatureCertificate());
    verifier.update(DATA);
    assertThat(verifier.verify(signature)).isTrue();
    verifier.initVerify(card.authenticationCertificate());
    verifier.update(DATA);
    assertThat(verifier.verify(signature)).as("signed with the signature key, not the authentication key").isFalse();
  }

  @Test
  void holderDataComesFromTheCertificateCompletedByTheCardsDataObjects() throws Exception {
    token.login(SoftHsmFixture.USER_PIN.toCharArray());

    CpsHolder holder = token.holderData();

    assertThat(holder.internalId()).isEqualTo(doctor.psIdNat());
    assertThat(holder.internalIdType()).isEqualTo(doctor.internalIdType());
    assertThat(holder.name()).isEqualTo(doctor.name());
    assertThat(holder.given()).isEqualTo(doctor.given());
    assertThat(holder.professionCode()).isEqualTo(doctor.professionCode());
    assertThat(holder.professionOid()).isEqualTo(doctor.professionOid());
    assertThat(holder.professionLabel()).isEqualTo(doctor.professionLabel());
    assertThat(holder.specialtyCode()).isEqualTo(doctor.specialtyCode());
    assertThat(holder.validUntil()).isEqualTo(doctor.validUntil());
    assertThat(holder.source()).isEqualTo(HolderSource.CERTIFICATES_AND_DATA_OBJECTS);
    PracticeLocation first = doctor.practiceLocations().get(0);
    assertThat(holder.practiceLocations()).as("the fixture writes CPS_ACTIVITY_01_PS only").containsExactly(
        new CpsPracticeLocation(first.name(), first.structureId(), first.activitySector(), first.activitySector()));
    assertThat(holder.cardSerialNumber()).as("the token serial number").isPresent();

    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(card.signatureCertificate());
    verifier.update(DATA);
    assertThat(verifier.verify(token.sign(DATA, DigestAlgorithm.SHA_256)))
        .as("reading the data objects in a session of its own leaves the token logged in").isTrue();
  }

  /**
   * The data objects are on the token (pkcs11-tool sees them) but SunPKCS11's key store cannot show
   * them, hence the direct reading; it lists key pairs only (the CA certificate, not CKA_TRUSTED,
   * serves chains but has no alias).
   */
  @Test
  void dataObjectsAreOnTheTokenButOutOfSunPkcs11sReach() throws Exception {
    String objects = hsm.listObjects(slot);
    assertThat(objects).contains("CPS_INFO_PS").contains("CPS_ACTIVITY_01_PS");

    token.login(SoftHsmFixture.USER_PIN.toCharArray());
    KeyStore store = KeyStore.getInstance("PKCS11", token.module().provider());
    store.load(null, null);
    assertThat(Collections.list(store.aliases()))
        .containsExactlyInAnyOrder(SoftHsmFixture.AUTHENTICATION_LABEL, SoftHsmFixture.SIGNATURE_LABEL);
  }

  @Test
  void nothingNeedingThePinWorksBeforeLoginOrAfterLogout() {
    assertThatThrownBy(() -> token.sign(DATA, DigestAlgorithm.SHA_256)).isInstanceOf(NotLoggedInException.class);
    assertThatThrownBy(token::holderData).isInstanceOf(NotLoggedInException.class);

    token.login(SoftHsmFixture.USER_PIN.toCharArray());
    token.logout();

    assertThat(token.isLoggedIn()).isFalse();
    assertThatThrownBy(token::authenticationKey).isInstanceOf(NotLoggedInException.class)
        .satisfies(e -> assertThat(((CardException) e).code()).isEqualTo("NOT_LOGGED_IN"));
  }

  @Test
  void aClosedTokenReopensOnAFreshModule() throws Exception {
    token.login(SoftHsmFixture.USER_PIN.toCharArray());
    Pkcs11Module old = token.module();

    CpsToken reopened = token.reopen();
    token = reopened;

    assertThat(old.isClosed()).isTrue();
    assertThat(reopened.module().provider()).isNotSameAs(old.provider());
    assertThat(reopened.isLoggedIn()).isFalse();
    reopened.login(SoftHsmFixture.USER_PIN.toCharArray());
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(card.signatureCertificate());
    verifier.update(DATA);
    assertThat(verifier.verify(reopened.sign(DATA, DigestAlgorithm.SHA_256))).isTrue();
  }

  @Test
  void timings() {
    List<Long> logins = new ArrayList<>();
    List<Long> signatures = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      long started = System.nanoTime();
      token.login(SoftHsmFixture.USER_PIN.toCharArray());
      logins.add(System.nanoTime() - started);
      started = System.nanoTime();
      token.sign(DATA, DigestAlgorithm.SHA_256);
      signatures.add(System.nanoTime() - started);
    }
    System.out.printf("timing.softhsm login(+key store read) median=%.1f ms, sign median=%.1f ms%n",
        median(logins), median(signatures));
    assertThat(median(signatures)).isLessThan(1000);
  }

  static double median(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2) / 1e6;
  }
}
