package org.libreconnect.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.pkcs11.direct.CryptokiCallException;
import org.libreconnect.pkcs11.direct.DataObject;
import org.libreconnect.pkcs11.direct.DirectCryptoki;
import org.libreconnect.pkcs11.direct.TokenInfo;
import org.libreconnect.pkcs11.exceptions.Operation;
import org.libreconnect.pkcs11.exceptions.PinIncorrectException;
import org.libreconnect.pkcs11.exceptions.Pkcs11Exception;
import org.libreconnect.pkcs11.exceptions.Pkcs11Failures;
import org.libreconnect.pkcs11.exceptions.ReaderNotFoundException;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.TestPki;

/**
 * The direct view of a library SunPKCS11 has loaded (SoftHSM2): token information, the slot order
 * as SunPKCS11 counts it, and data objects, the private ones only while SunPKCS11 holds the login.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DirectCryptokiIT {
  @TempDir static Path work;
  static SoftHsmFixture hsm;
  static long cardSlot;

  @BeforeAll
  static void provision() throws Exception {
    CpsIdentity doctor = CpsIdentity.testDoctor();
    CardCredentials card = TestPki.generate().issueCard(doctor);
    hsm = SoftHsmFixture.create(work);
    cardSlot = hsm.initToken("Lecteur CPS 0");
    hsm.provision(cardSlot, card, doctor, false);
    hsm.initToken("Lecteur vide 1");
  }

  @Test
  void slotListIndexesDesignateTheSameTokensAsForSunPkcs11() throws Exception {
    List<String> labels = hsm.labelsInSlotListOrder();
    for (int index = 0; index < labels.size(); index++) {
      try (Pkcs11Module module = Pkcs11Module.load(hsm.settings(SlotSelection.slotListIndex(index)))) {
        assertThat(module.details().orElseThrow().tokenInfo().label()).isEqualTo(labels.get(index));
      }
    }
  }

  @Test
  void tokenInfoCarriesLabelSerialAndNoPinCounterOnSoftHsm() {
    try (Pkcs11Module module = Pkcs11Module.load(hsm.settings(SlotSelection.slotId(cardSlot)))) {
      TokenDetails details = module.details().orElseThrow();
      TokenInfo info = details.tokenInfo();
      assertThat(details.slotId()).isEqualTo(cardSlot);
      assertThat(info.label()).isEqualTo("Lecteur CPS 0");
      assertThat(info.manufacturer()).isEqualTo("SoftHSM project");
      assertThat(info.serialNumber()).isNotBlank();
      assertThat(info.pinTriesLeft(3)).as("SoftHSM2 keeps no counter").isEmpty();
      assertThat(details.slotDescription()).isNotBlank();
    }
  }

  /** SoftHSM2 blocks nothing, but raises CKF_USER_PIN_COUNT_LOW after a wrong PIN until a right one. */
  @Test
  void theTokenFlagsFollowWrongAndRightPins() {
    CpsToken token = CpsToken.open(Pkcs11Module.load(hsm.settings(SlotSelection.slotId(cardSlot))));
    try {
      assertThatThrownBy(() -> token.login("0000".toCharArray())).isInstanceOf(PinIncorrectException.class);
      assertThat(token.pinTriesLeft(3)).hasValue(2);

      token.login(SoftHsmFixture.USER_PIN.toCharArray());
      assertThat(token.pinTriesLeft(3)).isEmpty();
    } finally {
      token.close();
    }
  }

  @Test
  void privateDataObjectsAreListedOnlyWhileLoggedIn() {
    CpsToken token = CpsToken.open(Pkcs11Module.load(hsm.settings(SlotSelection.slotId(cardSlot))));
    try {
      TokenDetails details = token.module().details().orElseThrow();
      assertThat(details.cpsDataObjects()).extracting(DataObject::label).containsExactly("CPS_INFO_PS");

      token.login(SoftHsmFixture.USER_PIN.toCharArray());
      assertThat(details.cpsDataObjects()).extracting(DataObject::label)
          .containsExactlyInAnyOrder("CPS_INFO_PS", "CPS_ACTIVITY_01_PS");
      assertThat(details.cpsDataObjects()).allSatisfy(o -> assertThat(o.application()).isEqualTo("CPS"));

      token.logout();
      assertThat(details.cpsDataObjects()).extracting(DataObject::label).containsExactly("CPS_INFO_PS");
    } finally {
      token.close();
    }
  }

  @Test
  void failuresCarryTheReturnValueAndAreMappedLikeSunPkcs11s() {
    try (Pkcs11Module module = Pkcs11Module.load(hsm.settings(SlotSelection.slotId(cardSlot)))) {
      DirectCryptoki cryptoki = DirectCryptoki.open(module.settings().library());
      assertThat(cryptoki).as("one instance per library").isSameAs(DirectCryptoki.open(SoftHsmFixture.LIBRARY));
      assertThatThrownBy(() -> cryptoki.tokenInfo(0x7FFF_0000L))
          .isInstanceOf(CryptokiCallException.class)
          .hasMessage("C_GetTokenInfo returned CKR_SLOT_ID_INVALID");
      assertThatThrownBy(() -> cryptoki.slotId(SlotSelection.slotListIndex(99)))
          .isInstanceOf(CryptokiCallException.class)
          .hasMessageContaining("CKR_SLOT_ID_INVALID");
    }
    assertThat(Pkcs11Failures.map(Operation.READ_DETAILS,
            new RuntimeException(new CryptokiCallException("C_GetTokenInfo", 0x3))))
        .isInstanceOf(ReaderNotFoundException.class)
        .isNotInstanceOf(Pkcs11Exception.class);
  }
}
