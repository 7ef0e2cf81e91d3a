package org.libreconnect.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.pkcs11.exceptions.LibraryLoadException;
import org.libreconnect.pkcs11.exceptions.LibraryNotFoundException;
import org.libreconnect.pkcs11.exceptions.ReaderNotFoundException;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.TestPki;

/** Loading SoftHSM2 through SunPKCS11: slot selection, failures, reopen and the JSSE registration's lifetime. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Pkcs11ModuleIT {
  @TempDir static Path work;
  static SoftHsmFixture hsm;
  static long slot;

  @BeforeAll
  static void provision() throws Exception {
    hsm = SoftHsmFixture.create(work);
    slot = hsm.initToken("Lecteur CPS 0");
    hsm.provision(slot, TestPki.generate().issueCard(CpsIdentity.testDoctor()), CpsIdentity.testDoctor(), true);
  }

  @Test
  void loadingKeepsTheProviderOutOfTheGlobalList() {
    List<String> before = providerNames();
    try (Pkcs11Module module = Pkcs11Module.load(hsm.settings(SlotSelection.slotId(slot)))) {
      assertThat(module.isTokenPresent()).isTrue();
      assertThat(module.provider().getName()).startsWith("SunPKCS11-LibreConnect-");
      assertThat(providerNames()).isEqualTo(before);
    }
  }

  @Test
  void aSlotCanBeChosenByItsPlaceInTheSlotList() {
    try (Pkcs11Module module = Pkcs11Module.load(hsm.settings(SlotSelection.slotListIndex(0)))) {
      assertThat(module.isTokenPresent()).isTrue();
    }
  }

  @Test
  void tlsSigningRegistersTheInstanceUntilClose() {
    Pkcs11Module module = Pkcs11Module.load(hsm.settings(SlotSelection.slotId(slot)));
    String name = module.provider().getName();

    module.enableTlsSigning();
    module.enableTlsSigning();
    assertThat(Security.getProvider(name)).isSameAs(module.provider());
    assertThat(Arrays.asList(Security.getProviders()).getLast()).isSameAs(module.provider());

    module.close();
    assertThat(Security.getProvider(name)).isNull();
    assertThat(module.isClosed()).isTrue();
    assertThatThrownBy(module::enableTlsSigning).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void reopenBuildsAFreshInstanceForTheSameSlot() {
    Pkcs11Module first = Pkcs11Module.load(hsm.settings(SlotSelection.slotId(slot)));
    try (Pkcs11Module second = first.reopen()) {
      assertThat(first.isClosed()).isTrue();
      assertThat(second.provider()).isNotSameAs(first.provider());
      assertThat(second.provider().getName()).isNotEqualTo(first.provider().getName());
      assertThat(second.settings()).isEqualTo(first.settings());
      assertThat(second.isTokenPresent()).isTrue();
    }
  }

  @Test
  void aMissingLibraryFileIsReportedAsSuch() {
    ModuleSettings settings = ModuleSettings.of(work.resolve("no-such-library.so"), SlotSelection.slotListIndex(0));
    assertThatThrownBy(() -> Pkcs11Module.load(settings))
        .isInstanceOf(LibraryNotFoundException.class)
        .hasMessageContaining("no-such-library.so");
  }

  @Test
  void aFileThatIsNotALibraryFailsToLoad() throws Exception {
    Path notALibrary = Files.writeString(work.resolve("not-a-library.so"), "hello");
    assertThatThrownBy(() -> Pkcs11Module.load(ModuleSettings.of(notALibrary, SlotSelection.slotListIndex(0))))
        .isInstanceOf(LibraryLoadException.class)
        .isNotInstanceOf(LibraryNotFoundException.class)
        .hasMessageStartingWith("loading the PKCS#11 library failed");
  }

  @Test
  void aSlotThatDoesNotExistMeansNoSuchReader() {
    assertThatThrownBy(() -> Pkcs11Module.load(hsm.settings(SlotSelection.slotListIndex(9))))
        .isInstanceOf(ReaderNotFoundException.class)
        .hasMessageContaining("slotListIndex is 9");
    assertThatThrownBy(() -> Pkcs11Module.load(hsm.settings(SlotSelection.slotId(slot + 1))))
        .isInstanceOf(ReaderNotFoundException.class)
        .hasMessageContaining("CKR_SLOT_ID_INVALID");
  }

  private static List<String> providerNames() {
    return Arrays.stream(Security.getProviders()).map(Provider::getName).toList();
  }
}
