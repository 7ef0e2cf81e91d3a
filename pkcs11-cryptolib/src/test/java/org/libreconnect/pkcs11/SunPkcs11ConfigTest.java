package org.libreconnect.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.libreconnect.pkcs11.exceptions.LibraryLoadException;

class SunPkcs11ConfigTest {
  @Test
  void inlineConfigurationNamesTheLibraryAndTheSlot() {
    String text = SunPkcs11Config.inline("LibreConnect-1",
        ModuleSettings.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"), SlotSelection.slotListIndex(2)));
    assertThat(text).isEqualTo("""
        --name = LibreConnect-1
        library = "/usr/lib/softhsm/libsofthsm2.so"
        slotListIndex = 2
        """);
  }

  @Test
  void aSlotIdAndDisabledMechanismsAreWrittenInSunPkcs11Syntax() {
    ModuleSettings settings = ModuleSettings.of(Path.of("/lib/p11.so"), SlotSelection.slotId(1240839743L))
        .withDisabledMechanisms(Set.of("CKM_SHA256_RSA_PKCS_PSS", "CKM_RSA_PKCS_PSS"));
    assertThat(SunPkcs11Config.inline("n", settings)).isEqualTo("""
        --name = n
        library = "/lib/p11.so"
        slot = 1240839743
        disabledMechanisms = {
          CKM_RSA_PKCS_PSS
          CKM_SHA256_RSA_PKCS_PSS
        }
        """);
  }

  @Test
  void windowsPathsAndSpacesAreQuotedWithBackslashesEscaped() {
    assertThat(SunPkcs11Config.quote("C:\\Program Files\\CPS\\cps3_pkcs11_w64.dll"))
        .isEqualTo("\"C:\\\\Program Files\\\\CPS\\\\cps3_pkcs11_w64.dll\"");
    assertThat(SunPkcs11Config.quote("/odd\"name.so")).isEqualTo("\"/odd\\\"name.so\"");
  }

  @Test
  void pathsSunPkcs11WouldMisreadAreRefused() {
    assertThatThrownBy(() -> SunPkcs11Config.quote("/a\nlibrary=/evil.so")).isInstanceOf(LibraryLoadException.class);
    assertThatThrownBy(() -> SunPkcs11Config.quote("/opt/${user.home}/p11.so")).isInstanceOf(LibraryLoadException.class);
  }

  @Test
  void settingsRefuseWhatIsNotAMechanismOrASlot() {
    assertThatThrownBy(() -> ModuleSettings.of(Path.of("/p.so"), SlotSelection.slotId(0))
        .withDisabledMechanisms(Set.of("CKM_X }\nlibrary = /evil.so")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SlotSelection.slotListIndex(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SlotSelection.slotId(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SunPkcs11Config.inline("bad name", ModuleSettings.of(Path.of("/p.so"), SlotSelection.slotId(0))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
